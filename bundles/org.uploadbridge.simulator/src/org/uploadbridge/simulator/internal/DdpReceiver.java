package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.uploadbridge.simulator.DdpFrame;

/**
 * A WLED device's DDP receiver: assembles pixel data into the strip's buffer and records a frame
 * on every packet with the push flag. One blocking channel on a virtual thread per device; packets
 * that arrive while the device is offline are dropped, as they would be by a device off the air.
 */
final class DdpReceiver implements AutoCloseable {

    static final int HEADER_BYTES = 10;
    /** The timecode flag adds 4 bytes to the header. */
    static final int TIMECODE_HEADER_BYTES = 14;
    private static final int VERSION_MASK = 0xC0;
    private static final int VERSION_1 = 0x40;
    private static final int FLAG_TIMECODE = 0x10;
    private static final int FLAG_REPLY = 0x04;
    private static final int FLAG_QUERY = 0x02;
    private static final int FLAG_PUSH = 0x01;
    /** Destination ids that carry JSON (status, config), not pixels. */
    private static final int ID_STATUS = 246;
    private static final int ID_CONFIG = 250;
    private static final int ID_CONTROL = 251;
    private static final int MAX_DATAGRAM = 65_507;
    private static final System.Logger LOG = System.getLogger(DdpReceiver.class.getName());

    private final String deviceName;
    private final byte[] pixels;
    private final int maxFrames;
    private final BooleanSupplier online;
    private final Deque<DdpFrame> frames = new ArrayDeque<>();
    private int packetsInFrame;
    private long dropped;
    private long ignored;
    private DatagramChannel channel;

    DdpReceiver(String deviceName, int ledCount, int maxFrames, BooleanSupplier online) {
        this.deviceName = deviceName;
        this.pixels = new byte[ledCount * 3];
        this.maxFrames = maxFrames;
        this.online = online;
    }

    /** Binds {@code address} and starts receiving; returns the bound address (port 0 resolved). */
    InetSocketAddress open(InetSocketAddress address) throws IOException {
        DatagramChannel bound = DatagramChannel.open().bind(address);
        channel = bound;
        Thread.ofVirtual().name(deviceName + "-ddp").start(() -> receive(bound));
        return (InetSocketAddress) bound.getLocalAddress();
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, deviceName + ": closing the DDP socket failed", e);
        }
    }

    private void receive(DatagramChannel bound) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (bound.isOpen()) {
            buffer.clear();
            try {
                bound.receive(buffer);
            } catch (ClosedChannelException e) {
                return; // closed with the fleet: the normal way out
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, deviceName + ": DDP receive failed", e);
                continue;
            }
            long now = System.nanoTime();
            if (online.getAsBoolean()) {
                accept(buffer.array(), buffer.position(), now);
            } else {
                ignoredOffline();
            }
        }
    }

    /** One datagram of {@code length} bytes received at {@code nanos}. */
    synchronized void accept(byte[] packet, int length, long nanos) {
        if (length < HEADER_BYTES || (packet[0] & VERSION_MASK) != VERSION_1 || (packet[0] & (FLAG_QUERY | FLAG_REPLY)) != 0) {
            ignored++;
            return;
        }
        int destination = packet[3] & 0xFF;
        if (destination == ID_STATUS || destination == ID_CONFIG || destination == ID_CONTROL) {
            ignored++;
            return;
        }
        int header = (packet[0] & FLAG_TIMECODE) != 0 ? TIMECODE_HEADER_BYTES : HEADER_BYTES;
        long offset = ByteBuffer.wrap(packet, 4, 4).getInt() & 0xFFFF_FFFFL;
        int dataLength = (packet[8] & 0xFF) << 8 | packet[9] & 0xFF;
        if (header + dataLength > length) {
            ignored++; // truncated: WLED drops it whole
            return;
        }
        // Data past the configured LEDs is ignored, as WLED does.
        if (offset < pixels.length) {
            int copied = (int) Math.min(dataLength, pixels.length - offset);
            System.arraycopy(packet, header, pixels, (int) offset, copied);
        }
        packetsInFrame++;
        if ((packet[0] & FLAG_PUSH) != 0) {
            frames.addLast(new DdpFrame(pixels, nanos, packetsInFrame, packet[1] & 0x0F));
            packetsInFrame = 0;
            while (frames.size() > maxFrames) {
                frames.removeFirst();
                dropped++;
            }
        }
    }

    private synchronized void ignoredOffline() {
        ignored++;
    }

    synchronized List<DdpFrame> frames() {
        return List.copyOf(frames);
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized long ignored() {
        return ignored;
    }

    synchronized void clearFrames() {
        frames.clear();
        dropped = 0;
        ignored = 0;
    }
}
