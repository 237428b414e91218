package org.uploadbridge.resilience.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.resilience.BreakerState;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.resilience.GuardListener;
import org.uploadbridge.resilience.GuardSettings;
import org.uploadbridge.resilience.ResilienceError;
import org.uploadbridge.testing.OsgiServices;

/** Retries, the circuit breaker and the bulkhead against real HTTP devices on loopback that fail as scripted. */
class DeviceGuardTest {

    /** Quick settings: no quotas, short delays, a breaker that opens after 3 failures for 1 s. */
    private static GuardSettings quick(int maxAttempts, double jitter) {
        return new GuardSettings(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(1), jitter, 3, Duration.ofSeconds(1),
                2, 0, 0, 0, Duration.ZERO);
    }

    private static DeviceGuard guard(GuardSettings settings) {
        return new FailsafeDeviceGuard(settings, Clock.systemUTC());
    }

    @Test
    void theBreakerOpensAtItsThresholdNothingReachesTheDeviceWhileOpenAndAProbeClosesIt() throws Exception {
        try (ScriptedDevice device = new ScriptedDevice().answer(503, 3).thenAlways(200)) {
            FailsafeDeviceGuard guard = new FailsafeDeviceGuard(quick(1, 0), Clock.systemUTC());
            List<String> transitions = new CopyOnWriteArrayList<>();
            guard.listen(new GuardListener() {
                @Override
                public void retried(DeviceAddress d, DeviceOperation operation, int attempt, Throwable failure) {
                    transitions.add("retry");
                }

                @Override
                public void breakerChanged(DeviceAddress d, BreakerState from, BreakerState to) {
                    transitions.add(from + ">" + to);
                }
            });
            for (int i = 0; i < 3; i++) {
                UploadBridgeException e = assertThrows(UploadBridgeException.class,
                        () -> guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));
                assertEquals(DeviceError.UNEXPECTED_STATUS, e.code(), "the device's own failure, while closed");
            }
            assertEquals(BreakerState.OPEN, guard.state(device.address()).breaker());

            for (int i = 0; i < 10; i++) {
                UploadBridgeException e = assertThrows(UploadBridgeException.class,
                        () -> guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));
                assertEquals(ResilienceError.BREAKER_OPEN, e.code());
                assertTrue(e.detail().contains("next try is in 1 s"), e.detail());
            }
            assertEquals(3, device.requests(), "no request reached the device while the breaker was open");

            Thread.sleep(guard.state(device.address()).nextTryIn().toMillis() + 50);
            assertEquals("{\"ok\":true}", guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));
            assertEquals(4, device.requests());
            assertEquals(BreakerState.CLOSED, guard.state(device.address()).breaker(), "one good probe closes it");
            assertEquals(List.of("CLOSED>OPEN", "OPEN>HALF_OPEN", "HALF_OPEN>CLOSED"), transitions, "listeners hear each change");
        }
    }

    @Test
    void halfOpenLetsExactlyOneProbeThrough() throws Exception {
        try (ScriptedDevice device = new ScriptedDevice().answer(503, 3).thenAlways(200)) {
            DeviceGuard guard = guard(quick(1, 0));
            for (int i = 0; i < 3; i++) {
                assertThrows(UploadBridgeException.class, () -> guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));
            }
            Thread.sleep(guard.state(device.address()).nextTryIn().toMillis() + 50);
            device.delay(Duration.ofMillis(300)); // the probe is slow, so the others arrive while it runs
            List<Future<String>> calls = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 5; i++) {
                    calls.add(threads.submit(() -> guard.call(device.address(), DeviceOperation.STATUS, 0, device::status)));
                }
            }
            long succeeded = calls.stream().filter(f -> f.state() == Future.State.SUCCESS).count();
            assertEquals(1, succeeded, "one probe");
            assertEquals(4, device.requests(), "only the probe reached the device");
        }
    }

    @Test
    void retriesWaitWithinTheJitterBoundsOfAnExponentialBackoff() throws Exception {
        double jitter = 0.25;
        try (ScriptedDevice device = new ScriptedDevice().thenAlways(503)) {
            DeviceGuard guard = guard(new GuardSettings(4, Duration.ofMillis(100), Duration.ofSeconds(1), jitter, 10,
                    Duration.ofSeconds(1), 2, 0, 0, 0, Duration.ZERO));
            assertThrows(UploadBridgeException.class, () -> guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));

            List<Long> arrivals = device.arrivalNanos();
            assertEquals(4, arrivals.size(), "the first attempt and three retries");
            assertEquals(3, guard.state(device.address()).retries());
            long nominal = 100;
            for (int retry = 1; retry <= 3; retry++) {
                long gapMs = (arrivals.get(retry) - arrivals.get(retry - 1)) / 1_000_000;
                long least = (long) Math.floor(nominal * (1 - jitter));
                // The upper bound allows for a busy CI machine: a late wake-up is not jitter.
                long most = (long) Math.ceil(nominal * (1 + jitter)) + 150;
                assertTrue(gapMs >= least && gapMs <= most, "retry " + retry + " waited " + gapMs + " ms, bounds " + least + ".." + most);
                nominal *= 2;
            }
        }
    }

    @Test
    void refusalsAreNeverRetried() throws Exception {
        try (ScriptedDevice device = new ScriptedDevice().thenAlways(400)) {
            DeviceGuard guard = guard(quick(5, 0));
            UploadBridgeException e = assertThrows(UploadBridgeException.class,
                    () -> guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));
            assertEquals(DeviceError.UNEXPECTED_STATUS, e.code());
            assertEquals(1, device.requests());
            assertEquals(BreakerState.CLOSED, guard.state(device.address()).breaker(), "a device that refuses is alive");
        }
    }

    @Test
    void aTransientFailureIsRetriedUntilItPasses() throws Exception {
        try (ScriptedDevice device = new ScriptedDevice().answer(503, 2).thenAlways(200)) {
            DeviceGuard guard = guard(quick(3, 0.5));
            assertEquals("{\"ok\":true}", guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));
            assertEquals(3, device.requests());
        }
    }

    @Test
    void theBulkheadLetsOnlySoManyCallsReachOneDeviceAtOnce() throws Exception {
        try (ScriptedDevice device = new ScriptedDevice().thenAlways(200).delay(Duration.ofMillis(150))) {
            DeviceGuard guard = guard(quick(1, 0)); // 2 calls per device
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 6; i++) {
                    threads.submit(() -> guard.call(device.address(), DeviceOperation.STATUS, 0, device::status));
                }
            }
            assertEquals(6, device.requests(), "every call ran, in turn");
            assertEquals(2, device.mostInFlight());
        }
    }

    @Test
    void theRunningServiceUsesTheDefaults() {
        assertEquals(GuardSettings.defaults(), OsgiServices.await(DeviceGuard.class).settings());
    }
}
