package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.Firmware;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;

/** WLED profiles and settings, and how WLED devices take part in faults and stop/start. */
class WledProfileTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18448;

    @Test
    void wledProfilesKeepTheClassicOnesUnchanged() {
        assertEquals(Firmware.CLASSIC, DeviceProfile.esp8266().firmware());
        assertNull(DeviceProfile.esp32().wled());
        DeviceProfile wled = DeviceProfile.wled(WledRelease.V0_14_4);
        assertEquals(Firmware.WLED, wled.firmware());
        assertEquals("0.14.4", wled.firmwareVersion());
        assertEquals(wled.wled(), wled.withBandwidth(1000).wled(), "with... keeps the WLED settings");
        assertEquals(Firmware.WLED, DeviceProfile.byName("wled").firmware());
        assertEquals(Firmware.CLASSIC, wled.withWled(null).firmware());
        assertEquals(WledRelease.V0_15_0, WledRelease.of("0.15.0"));
    }

    @Test
    void settingsAreChecked() {
        WledSettings settings = WledSettings.of(WledRelease.V0_15_0);
        assertEquals(4048, settings.ddpPort());
        assertThrows(IllegalArgumentException.class, () -> settings.withPin("12"));
        assertThrows(IllegalArgumentException.class, () -> settings.withLedCount(0));
        assertThrows(IllegalArgumentException.class, () -> settings.withMaxFrames(0));
        assertThrows(IllegalArgumentException.class, () -> settings.withDdpPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> settings.withReleaseName("a b"));
    }

    @Test
    void aGarbledAnswerKeepsNoStateChange() throws IOException {
        WledDevice device = start();
        device.failNext(FaultKind.TRUNCATED_JSON, 1);
        client.postJson(device, "/json/state", "{\"on\":false,\"bri\":9}");
        assertTrue(device.isOn());
        assertEquals(128, device.brightness());
        client.postJson(device, "/json/state", "{\"on\":false,\"bri\":9}");
        assertFalse(device.isOn());
        device.reset();
        assertTrue(device.isOn(), "reset: freshly flashed");
    }

    @Test
    void aStoppedDeviceRecordsNoFrames() throws Exception {
        WledDevice device = start();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            device.stop();
            byte[] packet = WledDdpTest.packet(true, 1, 0, new byte[] { 1, 2, 3 });
            socket.send(new DatagramPacket(packet, packet.length, device.ddpAddress()));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (device.ignoredPackets() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, device.ignoredPackets(), "received while stopped: ignored");
            device.start();
            byte[] second = WledDdpTest.packet(true, 2, 0, new byte[] { 4, 5, 6 });
            socket.send(new DatagramPacket(second, second.length, device.ddpAddress()));
            while (device.frames().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, device.frames().size(), "the packet sent while stopped was dropped");
            assertEquals(2, device.frames().get(0).sequence());
        }
    }

    private WledDevice start() {
        fleet = simulator.start(FleetSpec.of(1, DeviceProfile.wled(WledSettings.of(WledRelease.V0_15_0).withDdpPort(0)))
                .withFirstAddress("127.42.32.1").withPort(PORT));
        return (WledDevice) fleet.device(0);
    }
}
