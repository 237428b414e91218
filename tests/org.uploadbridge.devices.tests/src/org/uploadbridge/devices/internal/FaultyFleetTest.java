package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.metrics.DeviceMetrics;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FaultProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.GuardConfiguration;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.testing.SimulatedFleets;

/**
 * 300 uploads to simulated devices that fail 30% of their requests (resets mid-upload, 503,
 * truncated and invalid JSON): every upload ends verified or with a catalogued error, and every
 * pattern a device accepted is byte for byte the client's.
 */
class FaultyFleetTest {

    private static final int DEVICES = 30;
    private static final int ROUNDS = 10;

    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final DeviceGuard guard = OsgiServices.await(DeviceGuard.class);
    private final DeviceMetrics metrics = OsgiServices.await(DeviceMetrics.class);
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    /** Retries are what is tested; quotas and a breaker that opened on random faults would only hide them. */
    @BeforeEach
    void retriesOnly() {
        GuardConfiguration.retriesOnly();
    }

    @AfterEach
    void restore() {
        GuardConfiguration.restoreDefaults();
    }

    @Test
    void everyUploadEndsVerifiedOrCataloguedAndNothingAcceptedIsCorrupt() throws Exception {
        fleet = fleets.start(FleetSpec.of(DEVICES, DeviceProfile.esp32())
                .withFirstAddress("127.45.12.1").withPort(18_902));
        fleet.injectFaults(FaultProfile.flaky(0.3, 20261128L));
        List<DeviceAddress> addresses = fleet.devices().stream()
                .map(d -> new DeviceAddress(d.address().getAddress().getHostAddress(), 18_902)).toList();
        Path pattern = RepositoryFiles.sample("nebula_grid.bin");

        int verified = 0;
        Map<String, Integer> failures = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (FleetResult result : devices.uploadToFleet(addresses, pattern, DEVICES, r -> { })) {
                if (result.outcome().isPresent()) {
                    verified++;
                } else {
                    String code = result.failure().orElseThrow().code().id();
                    assertFalse(result.failure().get().entry().title().isBlank(), code + " is catalogued");
                    failures.merge(code, 1, Integer::sum);
                }
            }
        }

        long injected = 0;
        long retries = 0;
        long measuredUploads = 0;
        long measuredRetries = 0;
        String expected = sha256(pattern);
        for (SimulatedDevice device : fleet.devices()) {
            for (AcceptedPattern accepted : device.acceptedPatterns()) {
                assertEquals(expected, accepted.sha256(), device.name() + " accepted a corrupt pattern");
            }
            injected += device.injectedFaults().values().stream().mapToLong(Long::longValue).sum();
            DeviceAddress address = new DeviceAddress(device.address().getAddress().getHostAddress(), 18_902);
            retries += guard.state(address).retries();
            DeviceHealth health = metrics.health(address);
            measuredUploads += health.uploads();
            measuredRetries += health.retries();
        }
        System.out.printf("300 uploads at 30%% faults: %d verified, failures %s, %d faults injected, %d retries%n",
                verified, failures, injected, retries);
        assertEquals(DEVICES * ROUNDS, verified + failures.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(injected > 100, "faults were injected: " + injected);
        assertTrue(retries > 0, "the guard retried");
        // Metrics fade old events, by minutes here: allow for rounding of the faded counts.
        assertTrue(measuredUploads >= DEVICES * ROUNDS - DEVICES && measuredUploads <= DEVICES * ROUNDS,
                "the metrics saw every upload: " + measuredUploads);
        assertTrue(measuredRetries >= retries - DEVICES && measuredRetries <= retries, "the metrics saw the retries: " + measuredRetries);
        assertTrue(verified > DEVICES * ROUNDS / 2, "retries carry most uploads through: " + verified);
        assertTrue(fleet.devices().stream().mapToLong(d -> d.injectedFaults().get(FaultKind.RESET_MID_UPLOAD)).sum() > 0,
                "uploads were cut mid-way, and retried");
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
