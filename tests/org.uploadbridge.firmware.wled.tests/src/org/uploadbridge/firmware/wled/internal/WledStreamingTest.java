package org.uploadbridge.firmware.wled.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.simulator.DdpFrame;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;
import org.uploadbridge.testing.OsgiServices;

/** "Upload" on WLED: the pattern's frames streamed over DDP, looped, in order, each frame whole. */
class WledStreamingTest {

    private final WledDriver driver = (WledDriver) OsgiServices.await(DeviceDriver.class, "(component.name=" + WledDriver.class.getName() + ")");
    private SimulatedFleet fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.devices().forEach(device -> driver.stopStream(WledDriverTest.addressOf(device)));
            fleet.close();
        }
    }

    @Test
    void aThousandLedPatternLoopsFrameByFrameInOrder(@TempDir Path dir) throws Exception {
        // given: 1,000 LEDs take three DDP packets a frame
        WledDevice device = start(1000);
        DeviceAddress address = WledDriverTest.addressOf(device);
        Path file = WledPatterns.write(dir.resolve("thousand.bin"), 1000, 10, 25);
        Pattern pattern = NativePatternCodec.decode(file);
        long[] progress = new long[2];
        // when
        UploadReceipt receipt = driver.upload(address, file, (sent, total) -> {
            progress[0] = sent;
            progress[1] = total;
        });
        WledPatterns.awaitFrames(device, 25);
        // then: every frame whole (3 packets, pushed once), in the pattern's order, looping
        List<DdpFrame> frames = device.frames().subList(0, 25);
        byte[] expected = new byte[1000 * 3];
        for (int i = 0; i < frames.size(); i++) {
            pattern.copyFrame(i % 10, expected, 0);
            assertArrayEquals(expected, frames.get(i).rgb(), "frame " + i);
            assertEquals(3, frames.get(i).packets(), "frame " + i + " in three packets");
            assertEquals(i % 15 + 1, frames.get(i).sequence(), "sequence numbers run 1..15");
        }
        assertEquals(0, device.ignoredPackets());
        assertEquals(progress[1], progress[0], "progress reaches the whole pattern");
        assertTrue(receipt.deviceMessage().contains("1000 LEDs x 10 frames at 40.0 fps"), receipt.deviceMessage());
        DeviceStatus status = driver.status(address);
        assertTrue(status.pattern().loaded());
        assertEquals(1000, status.pattern().ledCount());
        assertEquals(10, status.pattern().frameCount());
    }

    @Test
    void stoppingEndsTheStreamAndANewUploadReplacesIt(@TempDir Path dir) throws Exception {
        // given
        WledDevice device = start(30);
        DeviceAddress address = WledDriverTest.addressOf(device);
        Path first = WledPatterns.write(dir.resolve("first.bin"), 30, 4, 20);
        Path second = WledPatterns.write(dir.resolve("second.bin"), 20, 3, 20);
        driver.upload(address, first, TransferProgress.NONE);
        // when: replaced (the recording cleared once the first stream's last datagrams are in)
        driver.stopStream(address);
        WledPatterns.awaitQuiet(device);
        device.clearFrames();
        driver.upload(address, second, TransferProgress.NONE);
        // then: only the second plays
        assertTrue(WledPatterns.showed(device, second), "the new pattern from its first frame");
        assertEquals(20, driver.status(address).pattern().ledCount());
        // when
        driver.stopStream(address);
        int after = WledPatterns.awaitQuiet(device);
        Thread.sleep(200); // ten frame times: a running stream would have sent more
        // then
        assertEquals(after, device.frames().size(), "no frame after the stream stopped");
        assertFalse(driver.status(address).pattern().loaded());
    }

    @Test
    void turningTheLightOffStopsTheStream(@TempDir Path dir) throws Exception {
        // given
        WledDevice device = start(30);
        DeviceAddress address = WledDriverTest.addressOf(device);
        driver.upload(address, WledPatterns.write(dir.resolve("p.bin"), 30, 3, 20), TransferProgress.NONE);
        // when
        driver.setPower(address, false);
        // then
        assertFalse(device.isOn());
        assertFalse(driver.status(address).pattern().loaded());
    }

    @Test
    void aPatternLongerThanTheStripIsRefusedBeforeAnyFrame(@TempDir Path dir) throws Exception {
        // given
        WledDevice device = start(30);
        Path file = WledPatterns.write(dir.resolve("long.bin"), 40, 2, 20);
        // when
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> driver.upload(WledDriverTest.addressOf(device), file, TransferProgress.NONE));
        // then
        assertEquals(DeviceError.REJECTED_LED_COUNT, e.code());
        assertTrue(e.getMessage().contains("40 LEDs") && e.getMessage().contains("30"), e.getMessage());
        assertEquals(List.of(), device.frames());
    }

    private WledDevice start(int leds) {
        fleet = OsgiServices.await(DeviceSimulator.class).start(FleetSpec.of(1,
                DeviceProfile.wled(WledSettings.of(WledRelease.V0_15_0).withLedCount(leds)))
                .withFirstAddress(WledDriverConformanceTest.nextSubnet()).withPort(0));
        return (WledDevice) fleet.devices().get(0);
    }
}
