package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * Answers mDNS for a whole fleet from one socket, with each device's own name, port and 127.x
 * address in its records. JmDNS cannot: its A record always holds the one address it is bound to.
 *
 * <p>The socket is joined to 224.0.0.251 on the loopback interface only and sends only there
 * (IP_MULTICAST_IF), so nothing leaves the machine. One receive thread answers each query, one
 * packet per device; known-answer suppression and the random response delay of RFC 6762 §6 are
 * left out (on loopback, nobody else answers for these names).
 */
final class MdnsResponder implements MdnsAdvertisement {

    private static final System.Logger LOG = System.getLogger(MdnsResponder.class.getName());

    static final int MDNS_PORT = 5353;
    static final InetSocketAddress GROUP = new InetSocketAddress(groupAddress(), MDNS_PORT);
    /** RFC 6762 §11: every mDNS packet is sent with IP TTL 255. */
    private static final int MULTICAST_TTL = 255;
    /** RFC 6762 §8.3: announce at least twice, one second apart. */
    private static final long SECOND_ANNOUNCEMENT_MS = 1_000;
    private static final long JOIN_TIMEOUT_MS = 5_000;

    private final SimulatedFleet fleet;
    private final List<SimulatedDevice> devices;
    /** Host and instance names, lower case, to their device. */
    private final Map<String, SimulatedDevice> byName;
    private final MulticastSocket socket;
    private final Thread receiver;
    private final Consumer<MdnsResponder> onClose;
    /** Held while sending: once close() has set {@link #closed}, no answer can follow the goodbyes. */
    private final Object sending = new Object();
    private volatile boolean closed;
    private volatile boolean sendFailing;

    private MdnsResponder(SimulatedFleet fleet, Map<String, SimulatedDevice> byName, MulticastSocket socket,
            String threadName, Consumer<MdnsResponder> onClose) {
        this.fleet = fleet;
        this.devices = fleet.devices();
        this.byName = byName;
        this.socket = socket;
        this.onClose = onClose;
        this.receiver = new Thread(this::receive, threadName);
        receiver.setDaemon(true);
    }

    /**
     * Opens the socket, announces every online device once and starts answering.
     *
     * @throws IllegalStateException when loopback has no multicast
     * @throws IllegalArgumentException when a device name is not a host label
     * @throws UncheckedIOException when the socket cannot be opened
     */
    static MdnsResponder start(SimulatedFleet fleet, String threadName, Consumer<MdnsResponder> onClose) {
        Objects.requireNonNull(fleet, "fleet");
        Map<String, SimulatedDevice> byName = new HashMap<>();
        for (SimulatedDevice device : fleet.devices()) {
            DeviceRecords.requireHostLabel(device.name());
            DeviceRecords.names(device.name()).forEach(name -> byName.put(name, device));
        }
        NetworkInterface loopback = LoopbackMulticast.require();
        MulticastSocket socket = open(loopback);
        try {
            MdnsResponder responder = new MdnsResponder(fleet, byName, socket, threadName, onClose);
            responder.announce();
            responder.receiver.start();
            return responder;
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static MulticastSocket open(NetworkInterface loopback) {
        MulticastSocket socket = null;
        try {
            socket = new MulticastSocket(null);
            // JmDNS (and Avahi) in this JVM or on this host listen on 5353 too.
            socket.setReuseAddress(true);
            // The wildcard, as JmDNS binds: a (dual-stack) socket bound to the group address cannot send
            // (EINVAL). A unicast datagram to 5353 then reaches only one of the sockets; on loopback mDNS
            // is multicast throughout (nobody asks with QU here), so none is lost in practice.
            socket.bind(new InetSocketAddress(MDNS_PORT));
            socket.setNetworkInterface(loopback);
            socket.setTimeToLive(MULTICAST_TTL);
            // Our listeners (JmDNS in this JVM, other processes) are on this host: they must get our packets.
            socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            socket.joinGroup(GROUP, loopback);
            NetworkInterface sendsOn = socket.getNetworkInterface();
            if (!loopback.equals(sendsOn)) {
                throw new IllegalStateException("the mDNS socket would send on " + sendsOn + ", not on " + loopback);
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                socket.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot open the mDNS socket on " + loopback.getName() + " port "
                        + MDNS_PORT, io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public SimulatedFleet fleet() {
        return fleet;
    }

    @Override
    public NetworkInterface networkInterface() {
        try {
            // Read from the socket, not remembered: what the kernel will actually use.
            return socket.getNetworkInterface();
        } catch (IOException e) {
            throw new UncheckedIOException(closed ? "the mDNS advertisement is closed"
                    : "cannot read the mDNS socket's interface", e);
        }
    }

    @Override
    public void close() {
        synchronized (sending) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            for (SimulatedDevice device : devices) {
                // Every device, online or not: a browser may still hold what was sent while it was.
                send(DeviceRecords.of(device), List.of(), true);
            }
        } finally {
            socket.close();
            awaitReceiver();
            onClose.accept(this);
        }
    }

    private void awaitReceiver() {
        if (Thread.currentThread() == receiver) {
            return;
        }
        try {
            receiver.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** RFC 6762 §8.3: unsolicited responses with all records of each online device. */
    private void announce() {
        for (SimulatedDevice device : devices) {
            if (device.isOnline()) {
                answer(DeviceRecords.of(device), List.of());
            }
        }
    }

    private void receive() {
        byte[] buffer = new byte[MdnsPacketWriter.MAX_PACKET_BYTES];
        long announceAgainAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SECOND_ANNOUNCEMENT_MS);
        boolean announcedAgain = false;
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                if (!announcedAgain) {
                    long waitMs = TimeUnit.NANOSECONDS.toMillis(announceAgainAt - System.nanoTime());
                    if (waitMs <= 0) {
                        announcedAgain = true;
                        announce();
                    }
                    // 0 = no timeout once the second announcement is out.
                    socket.setSoTimeout(announcedAgain ? 0 : (int) waitMs);
                }
                socket.receive(packet);
                // Only queries from this host: another socket's join on a LAN interface can bring those here too.
                if (packet.getAddress().isLoopbackAddress()) {
                    handleSafely(packet);
                }
            } catch (SocketTimeoutException e) {
                // The second announcement is due: sent at the top of the loop.
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "simulated mDNS for " + fleet.spec().namePrefix()
                            + "* stopped answering", e);
                }
                return;
            }
        }
    }

    /** A bug answering one query must not end the answering for the whole fleet. */
    private void handleSafely(DatagramPacket packet) {
        try {
            handle(packet);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not answer an mDNS query from " + packet.getSocketAddress(), e);
        }
    }

    private void handle(DatagramPacket packet) {
        List<MdnsQuery.Question> questions;
        try {
            questions = MdnsQuery.questions(packet.getData(), packet.getLength());
        } catch (MdnsQuery.MalformedPacketException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignored a malformed mDNS packet from " + packet.getSocketAddress()
                    + ": " + e.getMessage());
            return;
        }
        boolean serviceTypesAsked = false;
        Map<SimulatedDevice, List<MdnsRecord>> records = new LinkedHashMap<>();
        Map<SimulatedDevice, Set<MdnsRecord>> answers = new LinkedHashMap<>();
        for (MdnsQuery.Question question : questions) {
            if (question.name().equals(DeviceRecords.SERVICE_TYPES)
                    && (question.type() == MdnsRecord.TYPE_PTR || question.type() == MdnsRecord.TYPE_ANY)) {
                serviceTypesAsked = true;
                continue;
            }
            for (SimulatedDevice device : candidates(question.name())) {
                // Stopped, rebooting, or of a closed fleet: a device off the network answers nothing.
                if (!device.isOnline()) {
                    continue;
                }
                for (MdnsRecord record : records.computeIfAbsent(device, DeviceRecords::of)) {
                    if (record.answers(question.name(), question.type())) {
                        answers.computeIfAbsent(device, d -> new LinkedHashSet<>()).add(record);
                    }
                }
            }
        }
        if (serviceTypesAsked && devices.stream().anyMatch(SimulatedDevice::isOnline)) {
            answer(DeviceRecords.serviceTypes(devices), List.of());
        }
        // One device per packet: the rest of its records as additionals spare the browser more queries.
        answers.forEach((device, matched) -> answer(List.copyOf(matched),
                records.get(device).stream().filter(record -> !matched.contains(record)).toList()));
    }

    private List<SimulatedDevice> candidates(String questionName) {
        if (DeviceRecords.SERVICES.contains(questionName)) {
            return devices;
        }
        SimulatedDevice device = byName.get(questionName);
        return device == null ? List.of() : List.of(device);
    }

    private void answer(List<MdnsRecord> answers, List<MdnsRecord> additionals) {
        synchronized (sending) {
            if (!closed) {
                send(answers, additionals, false);
            }
        }
    }

    private void send(List<MdnsRecord> answers, List<MdnsRecord> additionals, boolean goodbye) {
        byte[] bytes = MdnsPacketWriter.response(answers, additionals, goodbye);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, GROUP));
            sendFailing = false;
        } catch (IOException e) {
            // WARNING once per run of failures: a broken interface would otherwise log every packet.
            LOG.log(sendFailing ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, "an mDNS "
                    + (goodbye ? "goodbye" : "response") + " for " + answers.get(0).name() + " was not sent", e);
            sendFailing = true;
        }
    }

    private static InetAddress groupAddress() {
        try {
            return InetAddress.getByAddress(new byte[] { (byte) 224, 0, 0, (byte) 251 });
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
