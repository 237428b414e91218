package org.uploadbridge.firmware.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;
import org.uploadbridge.testing.LoopbackServer;
import org.uploadbridge.testing.OsgiServices;

/**
 * What every {@link DeviceDriver} promises, run against its firmware's simulator on loopback. A
 * driver's test bundle extends this and supplies only factories: the driver, its simulated devices
 * and how to make them misbehave. The tests are final, so every driver passes the same kit.
 */
public abstract class DriverConformanceTest {

    /** How short a timeout the kit gives a driver, and how long a stalled device keeps quiet. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);
    private static final Duration STALL = Duration.ofSeconds(3);
    /** A timeout may overrun by connection set-up and scheduling, never by the stall. */
    private static final Duration TIMEOUT_SLACK = Duration.ofMillis(1_500);

    private final List<AutoCloseable> running = new ArrayList<>();

    /** The driver under test as the product runs it, e.g. its DS service. */
    protected abstract DeviceDriver driver();

    /** The same driver, taking every timeout from {@code timeouts}. */
    protected abstract DeviceDriver driver(DeviceTimeouts timeouts);

    /**
     * Starts {@code count} simulated devices of this firmware on loopback, freshly flashed, all
     * listening when this returns, on addresses no other test of the run uses. The kit closes them.
     */
    protected abstract ConformanceFleet startDevices(int count);

    /** Capabilities the simulated devices lack: their operations must say "not supported". */
    protected abstract Set<Capability> missingCapabilities();

    /** Devices of other firmwares this driver must reject, besides the ones the kit brings. The kit closes them. */
    protected List<ConformanceFleet> startOtherFirmware() {
        return List.of();
    }

    /** A native pattern ({@code .bin}) the simulated devices accept: by default 8 LEDs, 6 frames. */
    protected Path validPattern(Path dir) throws Exception {
        byte[] rgb = new byte[8 * 3 * 6];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 7);
        }
        int[] delays = new int[6];
        Arrays.fill(delays, 50);
        Path file = dir.resolve("conformance.bin");
        NativePatternCodec.write(Pattern.of(8, delays, rgb, null), file);
        return file;
    }

    @AfterEach
    final void stopEverythingStarted() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        running.clear();
    }

    @Test
    final void probeRecognisesEachOfItsOwnDevices() throws Exception {
        // given
        List<ConformanceDevice> devices = own(3).devices();
        for (ConformanceDevice device : devices) {
            // when
            Optional<DeviceStatus> probed = driver().probe(device.address());
            // then
            assertTrue(probed.isPresent(), () -> device.address() + " was not recognised");
            assertEquals(driver().firmwareId(), probed.get().firmwareId());
            assertEquals(device.address(), probed.get().address());
        }
    }

    @Test
    final void probeRejectsAPlainWebServer() throws Exception {
        // given
        LoopbackServer web = keep(ForeignServers.plainWebServer());
        // when
        Optional<DeviceStatus> probed = driver().probe(web.address());
        // then
        assertTrue(probed.isEmpty(), () -> "a web page was taken for a device: " + probed);
    }

    @Test
    final void probeRejectsTheClassicFirmware() throws Exception {
        assumeFalse("classic".equals(driver().firmwareId()), "the classic driver recognises classic devices");
        // given
        DeviceSimulator simulator = OsgiServices.await(DeviceSimulator.class);
        ConformanceFleet classic = keep(SimulatorFleet.start(simulator,
                FleetSpec.of(1, DeviceProfile.esp32()).withFirstAddress("127.45.0.1").withPort(0)));
        ConformanceFleet plain = keep(SimulatorFleet.start(simulator,
                FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress("127.45.1.1").withPort(0)));
        // when / then
        assertRejected(classic);
        assertRejected(plain);
    }

    @Test
    final void probeRejectsWled() throws Exception {
        assumeFalse("wled".equals(driver().firmwareId()), "the WLED driver recognises WLED devices");
        // given: both simulated releases, DDP on free ports so no test run's ports collide
        DeviceSimulator simulator = OsgiServices.await(DeviceSimulator.class);
        ConformanceFleet older = keep(SimulatorFleet.start(simulator, FleetSpec.of(1,
                DeviceProfile.wled(WledSettings.of(WledRelease.V0_14_4).withDdpPort(0))).withFirstAddress("127.45.2.1").withPort(0)));
        ConformanceFleet newer = keep(SimulatorFleet.start(simulator, FleetSpec.of(1,
                DeviceProfile.wled(WledSettings.of(WledRelease.V0_15_0).withDdpPort(0))).withFirstAddress("127.45.3.1").withPort(0)));
        // when / then
        assertRejected(older);
        assertRejected(newer);
    }

    @Test
    final void probeRejectsTheOtherFirmwaresItIsGiven() throws Exception {
        // given
        List<ConformanceFleet> others = startOtherFirmware();
        others.forEach(this::keep);
        // when / then
        for (ConformanceFleet other : others) {
            assertRejected(other);
        }
    }

    private void assertRejected(ConformanceFleet other) throws UploadBridgeException {
        for (ConformanceDevice device : other.devices()) {
            Optional<DeviceStatus> probed = driver().probe(device.address());
            assertTrue(probed.isEmpty(), () -> "another firmware's device was taken for ours: " + probed);
        }
    }

    @Test
    final void probeDoesNotFollowARedirectToItsOwnDevice() throws Exception {
        // given a server that points at a device the driver would recognise
        ConformanceDevice target = own(1).devices().get(0);
        LoopbackServer redirecting = keep(ForeignServers.redirectingTo(target.address()));
        long before = target.requestCount();
        // when
        Optional<DeviceStatus> probed;
        try {
            probed = driver().probe(redirecting.address());
        } catch (UploadBridgeException e) {
            assertCatalogued(e);
            probed = Optional.empty();
        }
        // then
        assertTrue(probed.isEmpty(), "a redirect was taken for a device");
        assertEquals(before, target.requestCount(), "the redirect target got a request: the redirect was followed");
    }

    @Test
    final void statusReportsTheFieldsEveryFirmwareShares() throws Exception {
        // given
        ConformanceDevice device = own(1).devices().get(0);
        // when
        DeviceStatus status = driver().status(device.address());
        DeviceStatus probed = driver().probe(device.address()).orElseThrow();
        // then
        assertEquals(device.address(), status.address());
        assertEquals(driver().firmwareId(), status.firmwareId());
        assertFalse(status.name().isBlank(), "a device without a name is shown by its address");
        assertTrue(status.supports(Capability.STATUS), () -> "capabilities: " + status.capabilities());
        for (Capability missing : missingCapabilities()) {
            assertFalse(status.supports(missing), () -> "reports " + missing + " which the device lacks");
        }
        assertFalse(status.pattern().loaded(), "a freshly flashed device plays nothing");
        assertTrue(status.maxLeds().orElse(1) > 0, "maxLeds, when reported, is positive");
        assertTrue(status.freeHeapBytes().orElse(0) >= 0, "free heap, when reported, is not negative");
        assertEquals(status.name(), probed.name(), "probe and status tell the same device");
        assertEquals(status.firmwareVersion(), probed.firmwareVersion());
    }

    @Test
    final void uploadThenStatusShowsThePatternTheDeviceHolds(@TempDir Path dir) throws Exception {
        assumeFalse(missingCapabilities().contains(Capability.UPLOAD), "the simulated devices cannot upload");
        // given
        ConformanceDevice device = own(1).devices().get(0);
        Path file = validPattern(dir);
        Pattern pattern = NativePatternCodec.decode(file);
        long size = Files.size(file);
        long[] last = new long[2];
        // when
        UploadReceipt receipt = driver().upload(device.address(), file, (sent, total) -> {
            last[0] = sent;
            last[1] = total;
        });
        // then
        assertEquals(size, receipt.bytesSent());
        assertEquals(SimulatorFleet.sha256(file), receipt.sha256(), "the receipt hashes exactly the bytes sent");
        assertEquals(size, last[0], "progress reaches the whole file");
        assertEquals(size, last[1]);
        assertTrue(device.received(file), "the device holds exactly the file's bytes");
        DeviceStatus status = driver().status(device.address());
        assertTrue(status.pattern().loaded(), "verified by status: the pattern is loaded");
        assertEquals(pattern.ledCount(), status.pattern().ledCount());
        assertEquals(pattern.frameCount(), status.pattern().frameCount());
    }

    @Test
    final void operationsTheDeviceLacksSayNotSupported(@TempDir Path dir) throws Exception {
        // given
        DeviceAddress address = own(1).devices().get(0).address();
        Path file = validPattern(dir);
        Path image = Files.write(dir.resolve("firmware.bin"), new byte[] { (byte) 0xE9, 1, 2, 3 });
        DeviceDriver driver = driver();
        for (Capability missing : missingCapabilities()) {
            for (Executable operation : operationsNeeding(missing, driver, address, file, image)) {
                // when
                UploadBridgeException e = assertThrows(UploadBridgeException.class, operation, missing::name);
                // then
                assertInstanceOf(DeviceOperationNotSupportedException.class, e, e::getMessage);
                assertEquals(DeviceError.NOT_SUPPORTED, e.code());
            }
        }
    }

    /** The SPI's operations that need {@code capability}; STATUS and SCHEDULE have none to refuse. */
    private static List<Executable> operationsNeeding(Capability capability, DeviceDriver driver, DeviceAddress address,
            Path pattern, Path image) {
        return switch (capability) {
            case UPLOAD -> List.of(() -> driver.upload(address, pattern, TransferProgress.NONE));
            case PATTERN_LIBRARY -> List.of(() -> driver.libraryList(address),
                    () -> driver.libraryUpload(address, "conformance", pattern, TransferProgress.NONE),
                    () -> driver.libraryDelete(address, "conformance"), () -> driver.librarySelect(address, "conformance"));
            case FIRMWARE_UPDATE -> List.of(() -> driver.firmwareUpdate(address, image, TransferProgress.NONE));
            case BRIGHTNESS -> List.of(() -> driver.setBrightness(address, 10));
            case RESTART -> List.of(() -> driver.restart(address));
            case POWER -> List.of(() -> driver.setPower(address, true));
            case IDENTIFY -> List.of(() -> driver.identify(address));
            case LIVE_STREAM -> List.of(() -> driver.stopStream(address));
            case STATUS, SCHEDULE -> List.of();
        };
    }

    @Test
    final void aFailingDeviceIsACataloguedErrorAndKeepsNothing(@TempDir Path dir) throws Exception {
        // given
        ConformanceDevice device = own(1).devices().get(0);
        Path file = validPattern(dir);
        // when / then: probe cannot tell now, so it throws for a guarded caller to retry
        device.failNext();
        assertCatalogued(assertThrows(UploadBridgeException.class, () -> driver().probe(device.address())));
        device.failNext();
        assertCatalogued(assertThrows(UploadBridgeException.class, () -> driver().status(device.address())));
        if (!missingCapabilities().contains(Capability.UPLOAD)) {
            device.failNext();
            assertCatalogued(assertThrows(UploadBridgeException.class,
                    () -> driver().upload(device.address(), file, TransferProgress.NONE)));
            assertFalse(device.received(file), "a failed upload left a pattern behind");
        }
    }

    @Test
    final void aDeviceThatIsOffIsUnreachable() throws Exception {
        // given
        ConformanceDevice device = own(1).devices().get(0);
        device.stop();
        // when
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> driver().status(device.address()));
        // then
        assertEquals(DeviceError.UNREACHABLE, e.code(), e::getMessage);
        assertCatalogued(e);
    }

    @Test
    final void aStalledDeviceTimesOutWithinTheTimeout() throws Exception {
        // given
        ConformanceDevice device = own(1).devices().get(0);
        DeviceDriver impatient = driver((address, operation, bytes) -> SHORT_TIMEOUT);
        for (Executable call : List.<Executable>of(() -> impatient.probe(device.address()),
                () -> impatient.status(device.address()))) {
            device.stallNext(STALL);
            long start = System.nanoTime();
            // when
            UploadBridgeException e = assertThrows(UploadBridgeException.class, call);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // then
            assertEquals(DeviceError.TIMED_OUT, e.code(), e::getMessage);
            assertCatalogued(e);
            assertTrue(took.compareTo(SHORT_TIMEOUT.plus(TIMEOUT_SLACK)) < 0, () -> "the call took " + took);
        }
    }

    /** A device error from the catalogue, with steps for the user. */
    private static void assertCatalogued(UploadBridgeException e) {
        if (!(e.code() instanceof DeviceError)) {
            fail("not a device error: " + e.getMessage(), e);
        }
        assertFalse(e.entry().steps().isEmpty(), () -> e.code() + " gives the user no steps");
    }

    private ConformanceFleet own(int count) {
        return keep(startDevices(count));
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        running.add(closeable);
        return closeable;
    }
}
