package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceStatus;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FaultProfile;
import org.uploadbridge.simulator.SimulatedDevice;

/**
 * One simulated device: its memory, its counters and whether it listens. It listens while it is
 * started, not rebooting and its fleet is open; {@link #syncListening()} makes the socket follow
 * those three facts under one lock.
 */
class LoopbackDevice implements SimulatedDevice {

    private static final System.Logger LOG = System.getLogger(LoopbackDevice.class.getName());

    private final String name;
    private final DeviceProfile profile;
    private final DeviceNetwork network;
    private final DeviceMemory memory;
    private final RequestCounters counters = new RequestCounters();
    private final FaultInjector faults;

    private final Object lifecycle = new Object();
    /** The requested address until the first bind, then the bound one (port 0 resolved). */
    private volatile InetSocketAddress address;
    private volatile boolean rebooting;
    private ServerSocketChannel channel;
    private boolean started;
    private boolean closed;
    private long rebootGeneration;

    /** @param index its place in the fleet, which seeds its fault sequence */
    LoopbackDevice(String name, int index, DeviceProfile profile, InetSocketAddress address, DeviceNetwork network) {
        this.name = name;
        this.faults = new FaultInjector(index);
        this.profile = profile;
        this.address = address;
        this.network = network;
        this.memory = new DeviceMemory(profile);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public URI baseUri() {
        InetSocketAddress current = address;
        return URI.create("http://" + current.getAddress().getHostAddress() + ":" + current.getPort() + "/");
    }

    @Override
    public DeviceProfile profile() {
        return profile;
    }

    @Override
    public String mac() {
        InetSocketAddress current = address;
        byte[] ip = current.getAddress().getAddress();
        int port = current.getPort();
        // 02 = locally administered: never a real vendor's; address and port make it unique on loopback.
        return String.format("02:%02x:%02x:%02x:%02x:%02x", ip[1] & 0xFF, ip[2] & 0xFF, ip[3] & 0xFF,
                port >>> 8, port & 0xFF);
    }

    /** The address the device reports as its own. */
    String ip() {
        return address.getAddress().getHostAddress();
    }

    DeviceMemory memory() {
        return memory;
    }

    RequestCounters counters() {
        return counters;
    }

    FaultInjector faultInjector() {
        return faults;
    }

    DeviceNetwork network() {
        return network;
    }

    @Override
    public DeviceStatus status() {
        DeviceMemory.Loaded loaded = memory.loaded().orElse(null);
        return new DeviceStatus(loaded != null, loaded == null ? 0 : loaded.leds(), loaded == null ? 0 : loaded.frames(),
                loaded == null ? 0 : loaded.size(), profile.wifiMode().name(), profile.ssid(), ip(),
                memory.firmware().version(), memory.brightness(), isOnline());
    }

    @Override
    public List<AcceptedPattern> acceptedPatterns() {
        return memory.accepted();
    }

    @Override
    public long requestCount() {
        return counters.total();
    }

    @Override
    public long requestCount(String path) {
        return counters.forPath(path);
    }

    @Override
    public void reset() {
        memory.reset();
        counters.reset();
        faults.restart();
    }

    @Override
    public void injectFaults(FaultProfile profile) {
        faults.use(profile);
    }

    @Override
    public FaultProfile faults() {
        return faults.profile();
    }

    @Override
    public void failNext(FaultKind kind, int count) {
        faults.failNext(kind, count);
    }

    @Override
    public Map<FaultKind, Long> injectedFaults() {
        return faults.injected();
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            started = false;
            syncListening();
        }
    }

    /** Comes back on the same address; a device in the middle of a reboot comes back when it is over. */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException(name + " belongs to a closed fleet");
            }
            started = true;
            syncListening();
        }
    }

    @Override
    public boolean isOnline() {
        synchronized (lifecycle) {
            return channel != null && !rebooting;
        }
    }

    boolean isRebooting() {
        return rebooting;
    }

    /**
     * Begins a reboot: from now on the device answers 503, and it loses its RAM. Returns what to
     * run once the last response is sent: the device then stops listening for
     * {@link DeviceProfile#rebootTime()} and comes back.
     */
    Runnable reboot() {
        long generation;
        synchronized (lifecycle) {
            rebooting = true;
            generation = ++rebootGeneration;
        }
        memory.clearRam();
        // Scheduled, not run inline: the response may complete on a Jetty selector thread.
        return () -> network.schedule(() -> goDown(generation), Duration.ZERO);
    }

    /** The fleet closes all sockets itself; the device only forgets its own. */
    void markClosed() {
        synchronized (lifecycle) {
            closed = true;
            channel = null;
        }
    }

    private void goDown(long generation) {
        synchronized (lifecycle) {
            if (generation != rebootGeneration || closed) {
                return;
            }
            syncListening();
        }
        network.schedule(() -> comeBack(generation), profile.rebootTime());
    }

    private void comeBack(long generation) {
        synchronized (lifecycle) {
            if (generation != rebootGeneration || closed) {
                return;
            }
            rebooting = false;
            try {
                syncListening();
            } catch (UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, name + " could not come back after its reboot", e);
            }
        }
    }

    /** Opens or closes the socket so that it listens exactly when it should. Holds the lifecycle lock. */
    private void syncListening() {
        boolean listen = started && !rebooting && !closed;
        if (listen && channel == null) {
            try {
                channel = network.listen(address);
                address = (InetSocketAddress) channel.getLocalAddress();
            } catch (IOException e) {
                throw new UncheckedIOException(name + " cannot listen on " + address, e);
            }
        } else if (!listen && channel != null) {
            ServerSocketChannel listening = channel;
            channel = null;
            try {
                network.unlisten(listening);
            } catch (IOException e) {
                throw new UncheckedIOException(name + " could not stop listening on " + address, e);
            } finally {
                network.closeConnections(address);
            }
        }
    }
}
