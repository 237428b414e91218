package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.PollResult;
import org.uploadbridge.devices.StatusPolling;
import org.uploadbridge.resilience.GuardSettings;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.GuardConfiguration;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.SimulatedFleets;

/** Status polling against a simulated device that goes away and comes back, with short intervals. */
class StatusPollingTest {

    private final BackoffStatusPolling polling = new BackoffStatusPolling(OsgiServices.await(DeviceService.class),
            Map.of(BackoffStatusPolling.ONLINE_MS, "100", BackoffStatusPolling.FIRST_RETRY_MS, "50", BackoffStatusPolling.MAX_RETRY_MS, "400"));
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    /** Polling's own back-off is under test: one attempt per poll, and a breaker that stays closed. */
    @BeforeEach
    void onlyPollingBacksOff() {
        GuardConfiguration.apply(Map.of(GuardSettings.MAX_ATTEMPTS, 1, GuardSettings.FAILURE_THRESHOLD, 1_000));
    }

    @AfterEach
    void stop() {
        polling.stop();
        GuardConfiguration.restoreDefaults();
    }

    @Test
    void backsOffWhileADeviceIsGoneAndResumesWhenItIsBack() throws Exception {
        fleet = fleets.start(FleetSpec.of(1, DeviceProfile.esp8266())
                .withFirstAddress("127.45.9.1").withPort(18_900));
        SimulatedDevice device = fleet.device(0);
        List<PollResult> results = new CopyOnWriteArrayList<>();
        try (StatusPolling.Watch watch = polling.watch(new DeviceAddress("127.45.9.1", 18_900), results::add)) {
            awaitUntil(() -> results.stream().filter(PollResult::isOnline).count() >= 2);
            assertEquals(Duration.ofMillis(100), results.get(0).nextPollIn());

            device.stop();
            awaitUntil(() -> results.stream().filter(r -> !r.isOnline()).count() >= 5);
            List<PollResult> failures = results.stream().filter(r -> !r.isOnline()).toList();
            assertEquals(DeviceError.UNREACHABLE, failures.get(0).failure().orElseThrow().code());
            assertEquals(List.of(1, 2, 3, 4, 5), failures.stream().limit(5).map(PollResult::failuresInARow).toList());
            assertEquals(List.of(50L, 100L, 200L, 400L, 400L),
                    failures.stream().limit(5).map(r -> r.nextPollIn().toMillis()).toList(), "doubling, capped");

            device.start();
            int before = results.size();
            awaitUntil(() -> results.size() > before && results.get(results.size() - 1).isOnline());
            assertEquals(0, results.get(results.size() - 1).failuresInARow());
        }
        int afterClose = results.size();
        Thread.sleep(400);
        assertTrue(results.size() <= afterClose + 1, "a closed watch stops polling (one poll may have been in flight)");
    }

    @Test
    void everyWatchedDeviceKeepsBeingPolled() throws Exception {
        // The first poll runs at once; every watch must survive it, however the threads interleave.
        fleet = fleets.start(FleetSpec.of(24, DeviceProfile.esp8266())
                .withFirstAddress("127.45.10.1").withPort(18_901));
        Map<String, Integer> polls = new java.util.concurrent.ConcurrentHashMap<>();
        List<StatusPolling.Watch> watches = new java.util.ArrayList<>();
        for (SimulatedDevice device : fleet.devices()) {
            String host = device.address().getAddress().getHostAddress();
            watches.add(polling.watch(new DeviceAddress(host, 18_901), r -> polls.merge(host, 1, Integer::sum)));
        }
        try {
            awaitUntil(() -> polls.size() == 24 && polls.values().stream().allMatch(n -> n >= 3));
        } finally {
            watches.forEach(StatusPolling.Watch::close);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
