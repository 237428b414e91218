package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * A fleet on one Jetty server: one bounded thread pool (handlers on virtual threads), one connector
 * whose single selector serves every device's connections, one {@link AcceptLoop} for every
 * device's listening socket, and one handler that tells devices apart by the local address of the
 * connection.
 */
final class JettyFleet implements SimulatedFleet, DeviceNetwork {

    static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 4;
    private static final int IDLE_TIMEOUT_MS = 30_000;
    private static final long STOP_TIMEOUT_MS = 1_000;

    private final FleetSpec spec;
    private final Server server;
    private final ExecutorService handlerThreads;
    private final ServerConnector connector;
    private final AcceptLoop acceptLoop;
    private final List<LoopbackDevice> devices = new ArrayList<>();
    private final Map<SocketAddress, LoopbackDevice> byAddress = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<JettyFleet> onClose;

    private JettyFleet(FleetSpec spec, String threadName, Consumer<JettyFleet> onClose) throws IOException {
        this.spec = spec;
        this.onClose = onClose;
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_TIMEOUT_MS);
        pool.setName(threadName);
        pool.setDaemon(true);
        // Idle reserved threads only pay off for a web site under load, not for simulated devices.
        pool.setReservedThreads(0);
        // The handler blocks (uploads are read and throttled in it): on virtual threads every device
        // of a large fleet can take an upload at once, as real devices do, not only MAX_THREADS of them.
        handlerThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(threadName + "-handler-", 0).factory());
        pool.setVirtualThreadsExecutor(handlerThreads);
        server = new Server(pool);
        server.setStopTimeout(STOP_TIMEOUT_MS);
        HttpConfiguration http = new HttpConfiguration();
        // Like the ESP web server: no Server, Date or X-Powered-By headers.
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
        // Jetty's connector needs a socket of its own; it listens on an ephemeral loopback port
        // that no device uses, and answers 404 there.
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(0);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.setHandler(new DeviceHandler(byAddress::get, RouteTable.forProfile(spec.profile())));
        acceptLoop = new AcceptLoop(threadName + "-accept", this::handOff);
    }

    /**
     * Starts the server and every device; on any failure stops what was started and throws.
     *
     * @throws UncheckedIOException when an address cannot be bound
     */
    static JettyFleet start(FleetSpec spec, String threadName, Consumer<JettyFleet> onClose) {
        JettyFleet fleet;
        try {
            fleet = new JettyFleet(spec, threadName, onClose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the simulator", e);
        }
        try {
            fleet.server.start();
            fleet.startDevices();
            return fleet;
        } catch (Exception e) {
            fleet.close();
            if (e instanceof UncheckedIOException io) {
                throw io;
            }
            throw new IllegalStateException("the simulator's server did not start", e);
        }
    }

    private void startDevices() {
        List<Inet4Address> addresses = spec.addresses();
        boolean wled = spec.profile().wled() != null;
        for (int i = 0; i < addresses.size(); i++) {
            InetSocketAddress address = new InetSocketAddress(addresses.get(i), spec.port());
            LoopbackDevice device = wled ? new WledLoopbackDevice(spec.deviceName(i), i, spec.profile(), address, this)
                    : new LoopbackDevice(spec.deviceName(i), i, spec.profile(), address, this);
            devices.add(device);
            if (device instanceof WledLoopbackDevice wledDevice) {
                try {
                    wledDevice.openDdp();
                } catch (IOException e) {
                    throw new UncheckedIOException(device.name() + " cannot receive DDP on " + wledDevice.ddpAddress(), e);
                }
            }
            device.start();
            byAddress.put(device.address(), device);
        }
    }

    @Override
    public FleetSpec spec() {
        return spec;
    }

    @Override
    public List<SimulatedDevice> devices() {
        return List.copyOf(devices);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        devices.forEach(LoopbackDevice::markClosed);
        for (LoopbackDevice device : devices) {
            if (device instanceof WledLoopbackDevice wled) {
                wled.closeDdp();
            }
        }
        acceptLoop.close();
        // Requests held on purpose (a stall, a slow drip) would keep the server's graceful stop
        // waiting for their connections: close them all first, as a power cut would.
        connector.getConnectedEndPoints().forEach(EndPoint::close);
        // Wakes handlers asleep in a throttle: the pool interrupts its own threads on stop, not these.
        handlerThreads.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the simulator's server did not stop cleanly", e);
        } finally {
            onClose.accept(this);
        }
    }

    @Override
    public ServerSocketChannel listen(InetSocketAddress address) throws IOException {
        return acceptLoop.listen(address);
    }

    @Override
    public void unlisten(ServerSocketChannel channel) throws IOException {
        acceptLoop.unlisten(channel);
    }

    @Override
    public void closeConnections(InetSocketAddress localAddress) {
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (localAddress.equals(endPoint.getLocalSocketAddress())) {
                endPoint.close();
            }
        }
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        server.getScheduler().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable task) {
        server.getThreadPool().execute(task);
    }

    /** What Jetty's own acceptor does with a new connection, minus the accepting. */
    private void handOff(SocketChannel connection) {
        connector.getSelectorManager().accept(connection);
    }
}
