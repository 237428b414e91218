package org.uploadbridge.firmware.classic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceOperationNotSupportedException;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;

/** The classic driver against simulated classic devices speaking the real protocol on loopback. */
class ClassicDriverTest {

    private final DeviceDriver driver = OsgiServices.await(DeviceDriver.class, "(component.name=" + ClassicDriver.class.getName() + ")");
    private final DeviceSimulator simulator = OsgiServices.await(DeviceSimulator.class);
    private final List<SimulatedFleet> fleets = new ArrayList<>();

    @AfterEach
    void stopFleets() {
        fleets.forEach(SimulatedFleet::close);
    }

    private SimulatedDevice device(DeviceProfile profile, String address) {
        SimulatedFleet fleet = simulator.start(FleetSpec.of(1, profile).withFirstAddress(address));
        fleets.add(fleet);
        return fleet.devices().get(0);
    }

    private static DeviceAddress addressOf(SimulatedDevice device) {
        return new DeviceAddress(device.address().getAddress().getHostAddress(), device.address().getPort());
    }

    @Test
    void probeRecognisesAClassicDeviceAndItsOptionalEndpoints() throws Exception {
        SimulatedDevice esp32Device = device(DeviceProfile.esp32(), "127.43.0.1");
        DeviceStatus probed = driver.probe(addressOf(esp32Device)).orElseThrow();
        assertEquals("classic", probed.firmwareId());
        assertFalse(probed.pattern().loaded());
        assertEquals(1, esp32Device.requestCount(), "a probe costs one request, so subnet scans stay fast");
        assertEquals(EnumSet.range(Capability.STATUS, Capability.RESTART), driver.status(addressOf(esp32Device)).capabilities(),
                "the optional endpoints are probed once, on the first status");

        DeviceStatus esp8266 = driver.status(addressOf(device(DeviceProfile.esp8266(), "127.43.0.2")));
        assertEquals(EnumSet.of(Capability.STATUS, Capability.UPLOAD), esp8266.capabilities(),
                "a plain build answers 404 on the optional endpoints: not supported, not failed");
    }

    @Test
    void uploadIsAcceptedVerifiedByStatusAndArrivesUncorrupted() throws Exception {
        SimulatedDevice device = device(DeviceProfile.esp32(), "127.43.1.1");
        Path sample = RepositoryFiles.sample("meteor_curtain.bin");
        long[] progress = new long[2];
        UploadReceipt receipt = driver.upload(addressOf(device), sample, (sent, total) -> {
            progress[0] = sent;
            progress[1] = total;
        });
        assertEquals("Pattern loaded: 144 LEDs × 12 frames (5212 bytes)", receipt.deviceMessage());
        assertEquals(5212, progress[0]);
        assertEquals(5212, progress[1]);
        assertEquals(receipt.sha256(), device.acceptedPatterns().get(0).sha256(), "the device got exactly the file's bytes");
        DeviceStatus status = driver.status(addressOf(device));
        assertTrue(status.pattern().loaded());
        assertEquals(144, status.pattern().ledCount());
        assertEquals(12, status.pattern().frameCount());
        assertEquals(5212, status.pattern().sizeBytes());
    }

    @Test
    void everyDeviceSideRejectionIsACataloguedErrorWithSteps(@TempDir Path dir) throws Exception {
        DeviceAddress esp8266 = addressOf(device(DeviceProfile.esp8266(), "127.43.2.1"));
        Path sample = RepositoryFiles.sample("aurora_strip.bin");

        Path wrongName = Files.copy(sample, dir.resolve("aurora.txt"));
        assertRejected(DeviceError.REJECTED_FILE_NAME, () -> driver.upload(esp8266, wrongName, TransferProgress.NONE));

        Path truncated = dir.resolve("cut.bin");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(sample), 100));
        assertRejected(DeviceError.REJECTED_PATTERN_SIZE, () -> driver.upload(esp8266, truncated, TransferProgress.NONE));

        Path tooManyLeds = dir.resolve("wide.bin");
        NativePatternCodec.write(Pattern.of(1001, new int[] { 50 }, new byte[1001 * 3], null), tooManyLeds);
        assertRejected(DeviceError.REJECTED_LED_COUNT, () -> driver.upload(esp8266, tooManyLeds, TransferProgress.NONE));

        Path tooBig = dir.resolve("long.bin");
        int[] delays = new int[60];
        Arrays.fill(delays, 40);
        NativePatternCodec.write(Pattern.of(300, delays, new byte[300 * 3 * 60], null), tooBig); // 54,124 bytes > 45,000
        UploadBridgeException oom = assertRejected(DeviceError.OUT_OF_MEMORY,
                () -> driver.upload(esp8266, tooBig, TransferProgress.NONE));
        assertTrue(oom.detail().contains("54124") || oom.detail().contains("54,124"), oom.detail());
    }

    private static UploadBridgeException assertRejected(DeviceError expected, Executable upload) {
        UploadBridgeException e = assertThrows(UploadBridgeException.class, upload);
        assertEquals(expected, e.code(), e::getMessage);
        assertFalse(e.entry().steps().isEmpty(), "the user gets troubleshooting steps");
        return e;
    }

    @Test
    void operationsAPlainBuildLacksAreNotSupportedNotFailures(@TempDir Path dir) throws Exception {
        DeviceAddress esp8266 = addressOf(device(DeviceProfile.esp8266(), "127.43.3.1"));
        Path image = Files.write(dir.resolve("firmware.bin"), new byte[] { (byte) 0xE9, 1, 2, 3 });
        for (Executable op : List.<Executable>of(() -> driver.libraryList(esp8266), () -> driver.setBrightness(esp8266, 10),
                () -> driver.restart(esp8266), () -> driver.firmwareUpdate(esp8266, image, TransferProgress.NONE),
                () -> driver.librarySelect(esp8266, "x"))) {
            UploadBridgeException e = assertThrows(UploadBridgeException.class, op);
            assertInstanceOf(DeviceOperationNotSupportedException.class, e, e::getMessage);
            assertEquals(DeviceError.NOT_SUPPORTED, e.code());
        }
    }

    @Test
    void libraryBrightnessAndFirmwareOnAnExtendedBuild(@TempDir Path dir) throws Exception {
        DeviceAddress esp32 = addressOf(device(DeviceProfile.esp32(), "127.43.4.1"));
        driver.libraryUpload(esp32, "aurora", RepositoryFiles.sample("aurora_strip.bin"), TransferProgress.NONE);
        driver.libraryUpload(esp32, "pulse", RepositoryFiles.sample("pulse_square.bin"), TransferProgress.NONE);
        assertEquals(List.of("aurora", "pulse"), driver.libraryList(esp32).stream().map(e -> e.name()).toList());
        driver.librarySelect(esp32, "pulse");
        assertEquals(100, driver.status(esp32).pattern().ledCount(), "the selected pattern plays");
        driver.libraryDelete(esp32, "aurora");
        assertEquals(List.of("pulse"), driver.libraryList(esp32).stream().map(e -> e.name()).toList());

        driver.setBrightness(esp32, 128);
        assertThrows(IllegalArgumentException.class, () -> driver.setBrightness(esp32, 256));

        Path image = Files.write(dir.resolve("firmware.bin"), new byte[] { (byte) 0xE9, 4, 5, 6, 7 });
        driver.firmwareUpdate(esp32, image, TransferProgress.NONE);
        UploadBridgeException rebooting = awaitBackFromReboot(esp32);
        assertTrue(rebooting == null || rebooting.code() == DeviceError.UNREACHABLE
                || rebooting.code() == DeviceError.UNEXPECTED_STATUS, () -> "while rebooting: " + rebooting.getMessage());
        Path notAnImage = Files.write(dir.resolve("junk.bin"), new byte[] { 1, 2, 3 });
        UploadBridgeException refused = assertThrows(UploadBridgeException.class,
                () -> driver.firmwareUpdate(esp32, notAnImage, TransferProgress.NONE));
        assertEquals(DeviceError.REJECTED, refused.code(), refused::getMessage);
    }

    /** Asks for the status until the device answers again; the last failure seen on the way, if any. */
    private UploadBridgeException awaitBackFromReboot(DeviceAddress address) throws InterruptedException {
        UploadBridgeException last = null;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                driver.status(address);
                return last;
            } catch (UploadBridgeException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the device did not come back from its reboot within 20 s", last);
    }

    @Test
    void thePlainText503OfABusyDeviceIsAnUnexpectedStatusNotAGarbledAnswer() throws Exception {
        SimulatedDevice device = device(DeviceProfile.esp32(), "127.43.5.2");
        device.failNext(FaultKind.SERVICE_UNAVAILABLE, 1);
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> driver.upload(addressOf(device), RepositoryFiles.sample("pulse_square.bin"), TransferProgress.NONE));
        assertEquals(DeviceError.UNEXPECTED_STATUS, e.code(), e::getMessage);
        assertEquals(503, e.args()[1]);
        assertTrue(device.acceptedPatterns().isEmpty());
    }

    @Test
    void aDeviceThatIsOffIsUnreachable() {
        SimulatedDevice device = device(DeviceProfile.esp8266(), "127.43.5.1");
        device.stop();
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> driver.status(addressOf(device)));
        assertEquals(DeviceError.UNREACHABLE, e.code());
    }

    @Test
    void oneHundredDevicesInParallelEachReceiveExactlyTheClientsBytes(@TempDir Path dir) throws Exception {
        SimulatedFleet fleet = simulator.start(FleetSpec.of(100, DeviceProfile.esp32()).withFirstAddress("127.44.0.1"));
        fleets.add(fleet);
        byte[] rgb = new byte[144 * 3 * 20];
        new Random(11).nextBytes(rgb);
        int[] delays = new int[20];
        Arrays.fill(delays, 30);
        Path file = dir.resolve("fleet.bin");
        NativePatternCodec.write(Pattern.of(144, delays, rgb, null), file);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<UploadReceipt>> receipts = new ArrayList<>();
            for (SimulatedDevice device : fleet.devices()) {
                receipts.add(pool.submit(() -> driver.upload(addressOf(device), file, TransferProgress.NONE)));
            }
            for (int i = 0; i < receipts.size(); i++) {
                UploadReceipt receipt = receipts.get(i).get();
                SimulatedDevice device = fleet.devices().get(i);
                assertEquals(1, device.acceptedPatterns().size(), device.name());
                assertEquals(receipt.sha256(), device.acceptedPatterns().get(0).sha256(), device.name());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
