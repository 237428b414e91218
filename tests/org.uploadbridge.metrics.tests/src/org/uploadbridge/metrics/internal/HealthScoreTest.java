package org.uploadbridge.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;

/** Runs with known outcomes give exactly the rates and scores of the formula in docs/metrics.md. */
class HealthScoreTest {

    private static final double EXACT = 1e-12;
    private static final Optional<String> OK = Optional.empty();

    @TempDir
    Path dir;
    private MicrometerDeviceMetrics metrics;

    @BeforeEach
    void open() {
        metrics = TestMetrics.open(dir.resolve("metrics.json"), new TestMetrics.MovableClock(TestMetrics.START));
    }

    @AfterEach
    void close() {
        metrics.close();
    }

    private void uploads(DeviceAddress device, int count, Optional<String> error) {
        for (int i = 0; i < count; i++) {
            metrics.uploadFinished(device, Duration.ofSeconds(2), 1_000_000, error);
        }
    }

    @Test
    void sevenSuccessesAndThreeRefusalsScoreByTheFormula() {
        DeviceAddress a = TestMetrics.device(1);
        uploads(a, 7, OK);
        uploads(a, 3, Optional.of("UB-D007")); // the device answered 500

        DeviceHealth h = metrics.health(a);
        assertEquals(0.7, h.uploadSuccessRate(), EXACT, "7 of 10");
        assertEquals(1.0, h.networkSuccessRate(), EXACT, "the device answered every time");
        assertEquals(10.0 / 13, h.errorFactor(), EXACT, "3 errors: 10 / (10 + 3)");
        assertEquals(81, h.score(), "100 * (0.4 * 0.7 + 0.3 * 1 + 0.3 * 10/13) = 81.08");
        assertEquals(10, h.uploads());
        assertEquals(3, h.failures());
        assertEquals(500_000, h.throughputBytesPerSecond(), 1e-6, "successful uploads: 1 MB in 2 s each");
        assertEquals(DeviceHealth.CLOSED, h.breakerState());
        assertEquals(Optional.of(TestMetrics.START), h.lastSeen());
    }

    @Test
    void everyKindOfEventCountsWhereTheFormulaSays() {
        DeviceAddress a = TestMetrics.device(2);
        uploads(a, 6, OK);
        uploads(a, 2, Optional.of("UB-D012")); // out of memory: answered
        uploads(a, 2, Optional.of("UB-D002")); // not reachable: no answer
        for (int i = 0; i < 20; i++) {
            metrics.statusProbed(a, Duration.ofMillis(40), i >= 2);
        }
        for (int i = 0; i < 4; i++) {
            metrics.retried(a, "upload");
        }
        metrics.breakerChanged(a, "CLOSED", "OPEN");

        DeviceHealth h = metrics.health(a);
        assertEquals(0.6, h.uploadSuccessRate(), EXACT, "6 of 10 uploads");
        assertEquals(1 - 4.0 / 30, h.networkSuccessRate(), EXACT, "answered: 18 probes + 8 uploads; not: 2 + 2");
        assertEquals(0.5, h.errorFactor(), EXACT, "errors: 4 failed uploads + 2 unanswered + 0.5 * 4 retries + 2 * 1 opening = 10");
        assertEquals(65, h.score(), "100 * (0.4 * 0.6 + 0.3 * 26/30 + 0.3 * 0.5) = 65");
        assertEquals(4, h.retries());
        assertEquals("OPEN", h.breakerState());
    }

    @Test
    void littleEvidenceIsPulledTowardHealthy() {
        DeviceAddress a = TestMetrics.device(3);
        uploads(a, 1, Optional.of("UB-D003")); // one timeout

        DeviceHealth h = metrics.health(a);
        assertEquals(0.8, h.uploadSuccessRate(), EXACT, "1 - 1 / max(1, 5)");
        assertEquals(0.8, h.networkSuccessRate(), EXACT);
        assertEquals(10.0 / 11, h.errorFactor(), EXACT);
        assertEquals(83, h.score(), "100 * (0.32 + 0.24 + 0.3 * 10/11) = 83.27");
        assertEquals(0, h.throughputBytesPerSecond(), EXACT, "no successful upload");
    }

    @Test
    void uploadsThatNeverReachedTheDeviceDoNotCountAgainstIt() {
        DeviceAddress a = TestMetrics.device(4);
        uploads(a, 5, OK);
        for (String refused : List.of("UB-R002", "UB-R001", "UB-V002", "UB-P005", "UB-D015", "UB-D017", "UB-L001")) {
            metrics.uploadFinished(a, Duration.ZERO, 1_000, Optional.of(refused));
        }
        DeviceHealth h = metrics.health(a);
        assertEquals(100, h.score());
        assertEquals(5, h.uploads());
        assertEquals(0, h.failures());
        assertEquals(1.0, metrics.registry().get(DeviceMeters.UPLOAD_OUTCOMES).tag("error", "UB-R002")
                .tag("outcome", "not_sent").counter().count(), "but the registry counts them by code");

        DeviceAddress refusedOnly = TestMetrics.device(5);
        metrics.uploadFinished(refusedOnly, Duration.ZERO, 1_000, Optional.of("UB-R003"));
        DeviceHealth r = metrics.health(refusedOnly);
        assertTrue(metrics.devices().contains(refusedOnly) && r.hasData(), "tracked, with its own tag in the registry");
        assertEquals(new DeviceHealth(100, 1, 1, 1, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0,
                DeviceHealth.CLOSED, Optional.of(TestMetrics.START)), r, "nothing counts against it");
        assertEquals(1.0, metrics.registry().get(DeviceMeters.UPLOAD_OUTCOMES).tag("device", refusedOnly.toString())
                .counter().count());
    }

    @Test
    void aDeviceWithNoDataScoresOneHundred() {
        assertEquals(DeviceHealth.noData(), metrics.health(TestMetrics.device(9)));
        assertEquals(DeviceHealth.noData(), metrics.overall());
        assertEquals(100, DeviceHealth.noData().score());
        assertFalse(DeviceHealth.noData().hasData());
        assertTrue(metrics.devices().isEmpty());
    }

    @Test
    void overallAveragesTheDevicesTermsAndShowsTheWorstBreaker() {
        DeviceAddress a = TestMetrics.device(1);
        DeviceAddress b = TestMetrics.device(10);
        uploads(a, 7, OK);
        uploads(a, 3, Optional.of("UB-D007"));
        uploads(b, 10, OK);
        metrics.breakerChanged(b, "closed", "half-open");

        DeviceHealth all = metrics.overall();
        assertEquals(0.85, all.uploadSuccessRate(), EXACT);
        assertEquals(1.0, all.networkSuccessRate(), EXACT);
        assertEquals((10.0 / 13 + 1) / 2, all.errorFactor(), EXACT);
        assertEquals(91, all.score(), "100 * (0.4 * 0.85 + 0.3 + 0.3 * 0.8846) = 90.54");
        assertEquals(20, all.uploads());
        assertEquals(3, all.failures());
        assertEquals(500_000, all.throughputBytesPerSecond(), 1e-6);
        assertEquals("HALF_OPEN", all.breakerState());
        assertEquals(List.of(a, b), metrics.devices(), "127.42.0.1 before 127.42.0.10");
    }

    @Test
    void theRegistryHasTheMetersOfEachDevice() {
        DeviceAddress a = TestMetrics.device(1);
        uploads(a, 2, OK);
        uploads(a, 1, Optional.of("UB-D002"));
        metrics.statusProbed(a, Duration.ofMillis(30), true);
        metrics.statusProbed(a, Duration.ofSeconds(5), false);
        metrics.retried(a, "UPLOAD");
        metrics.retried(a, "something with spaces that is far too long to be a tag");
        metrics.breakerChanged(a, "CLOSED", "OPEN");

        var registry = metrics.registry();
        String tag = a.toString();
        assertEquals(3, registry.get(DeviceMeters.UPLOAD_DURATION).tag("device", tag).timers().stream()
                .mapToLong(t -> t.count()).sum());
        assertEquals(2_000_000, registry.get(DeviceMeters.UPLOAD_BYTES).tag("device", tag).summary().totalAmount(), 0);
        assertEquals(1, registry.get(DeviceMeters.UPLOAD_OUTCOMES).tag("device", tag).tag("error", "UB-D002")
                .tag("outcome", "network_failure").counter().count());
        assertEquals(1, registry.get(DeviceMeters.STATUS_LATENCY).tag("device", tag).timer().count());
        assertEquals(1, registry.get(DeviceMeters.STATUS_PROBES).tag("outcome", "unanswered").counter().count());
        assertEquals(1, registry.get(DeviceMeters.RETRIES).tag("operation", "upload").counter().count());
        assertEquals(1, registry.get(DeviceMeters.RETRIES).tag("operation", "other").counter().count());
        assertEquals(1, registry.get(DeviceMeters.BREAKER_TRANSITIONS).tag("from", "CLOSED").tag("to", "OPEN")
                .counter().count());
    }
}
