package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.uploadbridge.simulator.DdpFrame;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;

/** DDP frames sent over real UDP on loopback, recorded by simulated WLED devices. */
class WledDdpTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18447;
    private static final int LEDS = 10;

    private WledDevice start(int count, WledSettings settings) {
        fleet = simulator.start(FleetSpec.of(count, DeviceProfile.wled(settings)).withFirstAddress("127.42.31.1")
                .withPort(PORT).withNamePrefix("ddp-"));
        return (WledDevice) fleet.device(0);
    }

    @Test
    void framesAreAssembledAndRecordedInOrderWithTimestamps() throws Exception {
        WledDevice device = start(1, WledSettings.of(WledRelease.V0_15_0).withLedCount(LEDS).withDdpPort(0));
        assertEquals(device.address().getAddress(), device.ddpAddress().getAddress(), "DDP listens on the device's own address");
        long before = System.nanoTime();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int frame = 0; frame < 5; frame++) {
                byte[] rgb = frameBytes(frame);
                // Two packets per frame: the first half without push, the second with it.
                send(socket, device, packet(false, frame + 1, 0, Arrays.copyOfRange(rgb, 0, 15)));
                send(socket, device, packet(true, frame + 1, 15, Arrays.copyOfRange(rgb, 15, 30)));
                Thread.sleep(5);
            }
            List<DdpFrame> frames = awaitFrames(device, 5);
            long after = System.nanoTime();
            for (int frame = 0; frame < 5; frame++) {
                DdpFrame recorded = frames.get(frame);
                assertArrayEquals(frameBytes(frame), recorded.rgb(), "frame " + frame);
                assertEquals(2, recorded.packets());
                assertEquals(frame + 1, recorded.sequence());
                assertTrue(recorded.receivedNanos() >= before && recorded.receivedNanos() <= after);
                if (frame > 0) {
                    assertTrue(recorded.receivedNanos() > frames.get(frame - 1).receivedNanos(), "in order");
                }
            }
            assertEquals(0, device.ignoredPackets());
        }
    }

    @Test
    void dataPastTheLedsIsIgnoredAndBadPacketsCounted() throws Exception {
        WledDevice device = start(1, WledSettings.of(WledRelease.V0_14_4).withLedCount(2).withDdpPort(0));
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] wrongVersion = packet(true, 1, 0, new byte[] { 1, 2, 3 });
            wrongVersion[0] = (byte) 0x81;
            send(socket, device, wrongVersion);
            byte[] truncated = Arrays.copyOf(packet(true, 1, 0, new byte[6]), 13);
            send(socket, device, truncated);
            send(socket, device, packet(true, 2, 0, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
            DdpFrame frame = awaitFrames(device, 1).get(0);
            assertArrayEquals(new byte[] { 1, 2, 3, 4, 5, 6 }, frame.rgb(), "2 LEDs: 6 bytes, the rest dropped");
            assertEquals(2, device.ignoredPackets());
        }
    }

    @Test
    void onlyTheLastFramesAreKept() throws Exception {
        WledDevice device = start(1, WledSettings.of(WledRelease.V0_15_0).withLedCount(1).withMaxFrames(3).withDdpPort(0));
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int i = 0; i < 6; i++) {
                send(socket, device, packet(true, 0, 0, new byte[] { (byte) i, 0, 0 }));
                awaitFramesInAll(device, i + 1L);
            }
            List<DdpFrame> frames = device.frames();
            assertEquals(List.of(3, 4, 5), frames.stream().map(frame -> (int) frame.rgb()[0]).toList());
            assertEquals(3, device.droppedFrames());
            device.clearFrames();
            assertTrue(device.frames().isEmpty());
        }
    }

    @Test
    void everyDeviceHasItsOwnReceiverOnTheSamePort() throws Exception {
        // 4048 as on real devices: each device has its own loopback address, so the port is free on each.
        start(2, WledSettings.of(WledRelease.V0_15_0).withLedCount(1));
        WledDevice first = (WledDevice) fleet.device(0);
        WledDevice second = (WledDevice) fleet.device(1);
        assertEquals(WledSettings.DDP_PORT, first.ddpAddress().getPort());
        assertEquals(WledSettings.DDP_PORT, second.ddpAddress().getPort());
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            send(socket, second, packet(true, 0, 0, new byte[] { 9, 9, 9 }));
            awaitFrames(second, 1);
            assertTrue(first.frames().isEmpty());
            assertTrue(client.get(second, "/json/info").json().get("live").getAsBoolean(), "info.live after DDP");
            assertEquals(false, client.get(first, "/json/info").json().get("live").getAsBoolean());
        }
    }

    private static byte[] frameBytes(int frame) {
        byte[] rgb = new byte[LEDS * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (frame * 31 + i);
        }
        return rgb;
    }

    /** A DDP packet: flags 0x40 (version 1) | push, sequence, RGB type, destination 1, offset, length. */
    static byte[] packet(boolean push, int sequence, int offset, byte[] data) {
        ByteBuffer packet = ByteBuffer.allocate(10 + data.length);
        packet.put((byte) (0x40 | (push ? 0x01 : 0)));
        packet.put((byte) sequence);
        packet.put((byte) 0x0B);
        packet.put((byte) 1);
        packet.putInt(offset);
        packet.putShort((short) data.length);
        packet.put(data);
        return packet.array();
    }

    private static void send(DatagramSocket socket, WledDevice device, byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, device.ddpAddress()));
    }

    private static List<DdpFrame> awaitFrames(WledDevice device, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<DdpFrame> frames = device.frames();
            if (frames.size() >= count) {
                return frames;
            }
            Thread.sleep(5);
        }
        return fail("expected " + count + " frames, got " + device.frames().size());
    }

    /** Waits until frames kept plus dropped reach {@code total}. */
    private static void awaitFramesInAll(WledDevice device, long total) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (device.frames().size() + device.droppedFrames() < total) {
            if (System.nanoTime() > deadline) {
                fail("expected " + total + " frames in all");
            }
            Thread.sleep(5);
        }
    }
}
