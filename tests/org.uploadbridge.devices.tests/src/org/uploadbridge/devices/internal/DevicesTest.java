package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.devices.UploadOutcome;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.pattern.DeviceLimits;

/** Discovery, verified uploads and fleet uploads against simulated devices on loopback. */
class DevicesTest {

    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final DeviceDiscovery discovery = OsgiServices.await(DeviceDiscovery.class);
    private final DeviceSimulator simulator = OsgiServices.await(DeviceSimulator.class);
    private final List<SimulatedFleet> fleets = new ArrayList<>();

    @AfterEach
    void stopFleets() {
        fleets.forEach(SimulatedFleet::close);
    }

    private SimulatedFleet fleet(int count, DeviceProfile profile, String firstAddress) {
        SimulatedFleet fleet = simulator.start(FleetSpec.of(count, profile).withFirstAddress(firstAddress));
        fleets.add(fleet);
        return fleet;
    }

    private static DeviceAddress addressOf(SimulatedDevice device) {
        return new DeviceAddress(device.address().getAddress().getHostAddress(), device.address().getPort());
    }

    @Test
    void aScanOfASlash22FindsExactlyTheLiveDevices() throws Exception {
        SimulatedFleet fleet = fleet(64, DeviceProfile.esp8266(), "127.45.0.1");
        for (int i = 0; i < 4; i++) {
            fleet.devices().get(i * 10).stop();
        }
        Set<String> live = fleet.devices().stream().filter(SimulatedDevice::isOnline)
                .map(d -> addressOf(d).host()).collect(Collectors.toCollection(TreeSet::new));
        AtomicInteger streamed = new AtomicInteger();

        ScanSummary summary = discovery.scan("127.45.0.0/22", FleetSpec.DEFAULT_PORT, PolicyMode.LAN_ONLY,
                DeviceDiscovery.DEFAULT_IN_FLIGHT, Duration.ofMillis(500), status -> streamed.incrementAndGet(), () -> false);

        assertEquals(1022, summary.scanned(), "every host address of the /22");
        assertEquals(60, summary.listening());
        assertEquals(live, summary.devices().stream().map(s -> s.address().host()).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(60, streamed.get(), "each device was reported as it was found");
        assertTrue(summary.devices().stream().allMatch(s -> "classic".equals(s.firmwareId())));
    }

    @Test
    void aScanOutsideTheLanIsRefusedBeforeAnyTraffic() {
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> discovery.scan("8.8.8.0/24", 80,
                PolicyMode.LAN_ONLY, 8, Duration.ofMillis(100), s -> { }, () -> false));
        assertEquals("UB-V123", e.code().id());
    }

    @Test
    void anUploadIsValidatedSentAndVerified() throws Exception {
        SimulatedDevice device = fleet(1, DeviceProfile.esp32(), "127.45.8.1").devices().get(0);
        Path sample = RepositoryFiles.sample("nebula_grid.bin");
        UploadOutcome outcome = devices.upload(addressOf(device), sample, TransferProgress.NONE);
        assertEquals(98, outcome.verifiedStatus().pattern().ledCount());
        assertEquals(11, outcome.verifiedStatus().pattern().frameCount());
        assertEquals(sha256(sample), device.acceptedPatterns().get(0).sha256());
        assertTrue(outcome.validation().isValid());
    }

    @Test
    void anUploadCostsThreeRequestsFirstContactOrNot() throws Exception {
        SimulatedDevice device = fleet(1, DeviceProfile.esp32(), "127.45.8.5").devices().get(0);
        Path sample = RepositoryFiles.sample("nebula_grid.bin");
        for (int round = 0; round < 2; round++) {
            device.reset();
            devices.upload(addressOf(device), sample, TransferProgress.NONE);
            assertEquals(2, device.requestCount("/api/status"), "the limits before, the verification after");
            assertEquals(1, device.requestCount("/api/upload"));
            assertEquals(3, device.requestCount(), "no probes of optional endpoints on the way: small devices serve one request at a time");
        }
    }

    @Test
    void aBusyDeviceAtFirstContactIsRetriedNotCalledUnsupported() throws Exception {
        SimulatedDevice device = fleet(1, DeviceProfile.esp32(), "127.45.8.6").devices().get(0);
        device.failNext(FaultKind.SERVICE_UNAVAILABLE, 2); // rebooting: 503 to the first two requests
        Path sample = RepositoryFiles.sample("nebula_grid.bin");
        UploadOutcome outcome = devices.upload(addressOf(device), sample, TransferProgress.NONE);
        assertEquals(98, outcome.verifiedStatus().pattern().ledCount());
        assertEquals(2, OsgiServices.await(DeviceGuard.class).state(addressOf(device)).retries());
        assertEquals(sha256(sample), device.acceptedPatterns().get(0).sha256());
    }

    @Test
    void aLedMatrixStudioFileIsSentInTheNativeFormat() throws Exception {
        SimulatedDevice device = fleet(1, DeviceProfile.esp32(), "127.45.8.2").devices().get(0);
        UploadOutcome outcome = devices.upload(addressOf(device), RepositoryFiles.sample("matrix-12x6.leds"), TransferProgress.NONE);
        DeviceStatus status = outcome.verifiedStatus();
        assertEquals(72, status.pattern().ledCount());
        assertEquals(4 + status.pattern().frameCount() * (2 + 72 * 3), status.pattern().sizeBytes());
    }

    @Test
    void aPatternThatCannotBeReadIsNeverSent() throws Exception {
        SimulatedDevice device = fleet(1, DeviceProfile.esp32(), "127.45.8.3").devices().get(0);
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> devices.upload(addressOf(device), RepositoryFiles.sample("raw-15x6-rows.bin"), TransferProgress.NONE));
        assertEquals(DeviceError.PATTERN_UNREADABLE, e.code());
        assertTrue(e.detail().contains("UB-P007") && e.detail().contains("raw-15x6-rows.bin"), e.detail());
        assertEquals(0, device.requestCount(), "the device was not even asked");
    }

    @Test
    void limitsTheUserAssumedForADeviceStopAPatternThatDoesNotFitBeforeItIsSent() throws Exception {
        SimulatedDevice device = fleet(1, DeviceProfile.esp32(), "127.45.8.5").devices().get(0);
        DeviceAddress address = addressOf(device);
        DeviceRegistry registry = OsgiServices.await(DeviceRegistry.class);
        registry.assumeLimits(address, DeviceLimits.none().withMaxLeds(50));
        try {
            UploadBridgeException e = assertThrows(UploadBridgeException.class,
                    () -> devices.upload(address, RepositoryFiles.sample("nebula_grid.bin"), TransferProgress.NONE));
            assertEquals(DeviceError.PATTERN_DOES_NOT_FIT, e.code());
            assertTrue(e.detail().contains("98") && e.detail().contains("50"), "names the LEDs and the limit: " + e.detail());
            assertEquals(0, device.requestCount("/api/upload"), "nothing was sent");

            registry.assumeLimits(address, DeviceLimits.esp32());
            devices.upload(address, RepositoryFiles.sample("nebula_grid.bin"), TransferProgress.NONE);
            assertEquals(1, device.acceptedPatterns().size(), "it fits the ESP32 profile");
        } finally {
            registry.remove(address);
        }
    }

    @Test
    void aDeviceThatIsOffIsUnreachable() {
        SimulatedDevice device = fleet(1, DeviceProfile.esp32(), "127.45.8.4").devices().get(0);
        device.stop();
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> devices.status(addressOf(device)));
        assertEquals(DeviceError.UNREACHABLE, e.code());
    }

    @Test
    void aFleetUploadToOneHundredDevicesDeliversExactlyTheClientsBytesToEach() throws Exception {
        SimulatedFleet fleet = fleet(100, DeviceProfile.esp32(), "127.46.0.1");
        Path sample = RepositoryFiles.sample("meteor_curtain.bin");
        String sha = sha256(sample);
        List<DeviceAddress> addresses = fleet.devices().stream().map(DevicesTest::addressOf).toList();
        AtomicInteger heard = new AtomicInteger();

        List<FleetResult> results = devices.uploadToFleet(addresses, sample, 16, r -> heard.incrementAndGet());

        assertEquals(100, results.size());
        assertEquals(100, heard.get());
        for (int i = 0; i < results.size(); i++) {
            FleetResult result = results.get(i);
            assertEquals(addresses.get(i), result.address(), "results keep the order of the devices");
            assertTrue(result.isSuccess(), () -> result.failure().map(Throwable::getMessage).orElse(""));
            SimulatedDevice device = fleet.devices().get(i);
            assertEquals(sha, device.acceptedPatterns().get(0).sha256(), device.name());
        }
    }

    @Test
    void aFleetUploadReportsEachFailureWithoutStoppingTheOthers() throws Exception {
        SimulatedFleet fleet = fleet(6, DeviceProfile.esp8266(), "127.46.1.1");
        fleet.devices().get(2).stop();
        List<DeviceAddress> addresses = fleet.devices().stream().map(DevicesTest::addressOf).toList();
        List<FleetResult> results = devices.uploadToFleet(addresses, RepositoryFiles.sample("aurora_strip.bin"), 3, r -> { });
        assertFalse(results.get(2).isSuccess());
        assertEquals(DeviceError.UNREACHABLE, results.get(2).failure().orElseThrow().code());
        assertEquals(5, results.stream().filter(FleetResult::isSuccess).count());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
