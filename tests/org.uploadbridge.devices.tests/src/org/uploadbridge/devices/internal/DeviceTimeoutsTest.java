package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.resilience.TimeoutSettings;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FaultProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.GuardConfiguration;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.SimulatedFleets;

/**
 * Timeouts through the whole stack, against a simulated device that stalls: each timed-out
 * attempt doubles the next one's timeout, and once the device answers quickly its timeouts shrink
 * to the rule's minimum.
 */
class DeviceTimeoutsTest {

    private static final int PORT = 18_903;
    private static final Duration BASE = Duration.ofMillis(400);
    private static final Duration MIN = Duration.ofMillis(200);

    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final DeviceGuard guard = OsgiServices.await(DeviceGuard.class);
    private final DeviceTimeouts timeouts = OsgiServices.await(DeviceTimeouts.class);
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    @AfterEach
    void restore() {
        DeviceAddress unseen = new DeviceAddress("127.45.13.250", PORT);
        OsgiServices.unconfigure(TimeoutSettings.PID,
                () -> timeouts.timeout(unseen, DeviceOperation.STATUS, 0).equals(Duration.ofSeconds(5)));
        GuardConfiguration.restoreDefaults();
    }

    @Test
    void eachTimeoutDoublesTheNextAndQuickAnswersShrinkThem() throws Exception {
        DeviceAddress unseen = new DeviceAddress("127.45.13.251", PORT);
        OsgiServices.configure(TimeoutSettings.PID, Map.of("status.baseMs", BASE.toMillis(), "status.minMs", MIN.toMillis(),
                "status.maxMs", 3_000), () -> timeouts.timeout(unseen, DeviceOperation.STATUS, 0).equals(BASE));
        GuardConfiguration.retriesOnly();
        fleet = fleets.start(FleetSpec.of(1, DeviceProfile.esp32())
                .withFirstAddress("127.45.13.1").withPort(PORT));
        SimulatedDevice simulated = fleet.devices().get(0);
        DeviceAddress device = new DeviceAddress("127.45.13.1", PORT);
        simulated.injectFaults(FaultProfile.none().withStallTime(Duration.ofMillis(2_500)));
        simulated.failNext(FaultKind.STALL, 2);

        long start = System.nanoTime();
        devices.status(device); // first contact: stalls, times out at 400 ms, then 800 ms, then answers
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(2, guard.state(device).retries(), "two timed-out attempts were retried");
        assertTrue(tookMs >= 1_200, "400 ms, then a doubled 800 ms, ran out before the answer: took " + tookMs + " ms");
        assertTrue(tookMs < 2_500, "the third attempt did not wait for a stall: took " + tookMs + " ms");
        for (int i = 0; i < 3; i++) {
            devices.status(device);
        }
        assertEquals(MIN, timeouts.timeout(device, DeviceOperation.STATUS, 0), "a device answering in milliseconds");
        assertEquals(BASE, timeouts.timeout(unseen, DeviceOperation.STATUS, 0), "another device keeps the rule");
    }
}
