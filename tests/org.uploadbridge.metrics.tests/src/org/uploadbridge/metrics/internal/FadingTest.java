package org.uploadbridge.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;

/** Old failures fade with the half-life; the totals do not. */
class FadingTest {

    private static final double EXACT = 1e-9;

    @TempDir
    Path dir;
    private final TestMetrics.MovableClock clock = new TestMetrics.MovableClock(TestMetrics.START);
    private MicrometerDeviceMetrics metrics;

    @BeforeEach
    void open() {
        metrics = TestMetrics.open(dir.resolve("metrics.json"), clock);
    }

    @AfterEach
    void close() {
        metrics.close();
    }

    private void timeouts(DeviceAddress device, int count) {
        for (int i = 0; i < count; i++) {
            metrics.uploadFinished(device, Duration.ofSeconds(10), 4_096, Optional.of("UB-D003"));
        }
    }

    @Test
    void failuresFadeByHalfEveryHour() {
        DeviceAddress a = TestMetrics.device(1);
        timeouts(a, 3);
        assertEquals(1 - 3 / 5.0, metrics.health(a).uploadSuccessRate(), EXACT, "3 fresh failures");
        int before = metrics.health(a).score();

        clock.advance(Duration.ofHours(1));
        assertEquals(1 - 1.5 / 5, metrics.health(a).uploadSuccessRate(), EXACT, "weigh 1.5 after one half-life");
        assertEquals(10 / 11.5, metrics.health(a).errorFactor(), EXACT);
        int later = metrics.health(a).score();

        clock.advance(Duration.ofHours(2));
        assertEquals(1 - 0.375 / 5, metrics.health(a).uploadSuccessRate(), EXACT, "0.375 after three");
        int muchLater = metrics.health(a).score();
        assertTrue(before < later && later < muchLater, before + " < " + later + " < " + muchLater);

        clock.advance(Duration.ofHours(21));
        DeviceHealth dayAfter = metrics.health(a);
        assertEquals(100, dayAfter.score(), "a day later nothing is left of them");
        assertEquals(3, dayAfter.uploads(), "the totals stay");
        assertEquals(3, dayAfter.failures());
        assertEquals(Optional.of(TestMetrics.START), dayAfter.lastSeen());
    }

    @Test
    void newSuccessesOutweighOldFailures() {
        DeviceAddress a = TestMetrics.device(2);
        timeouts(a, 3);
        clock.advance(Duration.ofHours(2));
        for (int i = 0; i < 7; i++) {
            metrics.uploadFinished(a, Duration.ofSeconds(1), 100_000, Optional.empty());
        }
        assertEquals(1 - 0.75 / 7.75, metrics.health(a).uploadSuccessRate(), EXACT,
                "the failures weigh a quarter, the successes fully");
        assertEquals(Optional.of(TestMetrics.START.plus(Duration.ofHours(2))), metrics.health(a).lastSeen());
        assertEquals(100_000, metrics.health(a).throughputBytesPerSecond(), 1e-6);
    }

    @Test
    void theHalfLifeIsASetting() {
        metrics.close();
        MetricsSettings quick = new MetricsSettings(Duration.ofMinutes(10), 100, Duration.ofSeconds(30),
                Duration.ofDays(7), Duration.ofMinutes(10));
        metrics = TestMetrics.open(dir.resolve("quick.json"), quick, clock);
        DeviceAddress a = TestMetrics.device(3);
        timeouts(a, 4);
        clock.advance(Duration.ofMinutes(20));
        assertEquals(1 - 1.0 / 5, metrics.health(a).uploadSuccessRate(), EXACT, "two half-lives of 10 min");
    }

    @Test
    void statusPercentilesOfKnownLatenciesAreWithinMicrometersPrecision() {
        DeviceAddress a = TestMetrics.device(4);
        DeviceAddress b = TestMetrics.device(5);
        for (int ms = 1; ms <= 100; ms++) {
            metrics.statusProbed(a, Duration.ofMillis(ms), true);
            metrics.statusProbed(b, Duration.ofMillis(10 * ms), true);
        }
        metrics.statusProbed(a, Duration.ofSeconds(5), false); // unanswered: not a latency

        // One significant digit (Micrometer's default percentilePrecision): within 10 % of the true value.
        DeviceHealth h = metrics.health(a);
        assertWithin(50, h.statusP50());
        assertWithin(95, h.statusP95());
        assertWithin(99, h.statusP99());
        DeviceHealth other = metrics.health(b);
        assertWithin(500, other.statusP50());
        assertWithin(990, other.statusP99());
        DeviceHealth fleet = metrics.overall();
        // 200 latencies, 1..100 ms and 10..1000 ms in tens: 91 values of a and 9 of b are at most 91 ms,
        // and 100 + 90 are at most 900 ms.
        assertWithin(91, fleet.statusP50());
        assertWithin(900, fleet.statusP95());
    }

    @Test
    void percentilesCoverTheRecentWindowAndQuietDevicesLoseTheirTimers() {
        DeviceAddress a = TestMetrics.device(6);
        for (int i = 0; i < 20; i++) {
            metrics.statusProbed(a, Duration.ofMillis(200), true);
        }
        assertWithin(200, metrics.health(a).statusP95());
        long meters = metrics.registry().getMeters().size();

        clock.advance(Duration.ofMinutes(11)); // past the 10 min window
        assertEquals(Duration.ZERO, metrics.health(a).statusP95(), "nothing in the window");
        metrics.maintain();
        assertTrue(metrics.registry().find(DeviceMeters.STATUS_LATENCY).tag("device", a.toString()).timers().isEmpty());
        assertEquals(meters - 4, metrics.registry().getMeters().size(), "the timer and its three percentile gauges");
        assertEquals(Duration.ZERO, metrics.health(a).statusP50());

        metrics.statusProbed(a, Duration.ofMillis(30), true);
        assertWithin(30, metrics.health(a).statusP50());
    }

    private static void assertWithin(double expectedMs, Duration actual) {
        double ms = actual.toNanos() / 1e6;
        assertTrue(Math.abs(ms - expectedMs) <= expectedMs * 0.10, "expected " + expectedMs + " ms within 10 %, was " + ms);
    }
}
