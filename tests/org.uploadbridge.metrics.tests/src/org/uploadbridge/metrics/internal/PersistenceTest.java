package org.uploadbridge.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;

/**
 * The fading counts survive a restart in a bounded JSON file; a damaged file is set aside, not lost,
 * and the previous save restored.
 */
class PersistenceTest {

    @TempDir
    Path dir;
    private final TestMetrics.MovableClock clock = new TestMetrics.MovableClock(TestMetrics.START);

    private static void someHistory(MicrometerDeviceMetrics metrics, DeviceAddress device, int successes) {
        for (int i = 0; i < successes; i++) {
            metrics.uploadFinished(device, Duration.ofMillis(1500), 300_000, Optional.empty());
        }
        metrics.uploadFinished(device, Duration.ofSeconds(10), 300_000, Optional.of("UB-D003"));
        metrics.statusProbed(device, Duration.ofMillis(80), true);
        metrics.statusProbed(device, Duration.ofSeconds(5), false);
        metrics.retried(device, "status");
        metrics.breakerChanged(device, "CLOSED", "OPEN");
    }

    /** Health without what is not kept: latency percentiles (a window of minutes) and the breaker state. */
    private static DeviceHealth kept(DeviceHealth h) {
        return new DeviceHealth(h.score(), h.uploadSuccessRate(), h.networkSuccessRate(), h.errorFactor(), h.uploads(),
                h.failures(), h.throughputBytesPerSecond(), Duration.ZERO, Duration.ZERO, Duration.ZERO, h.retries(),
                DeviceHealth.CLOSED, h.lastSeen());
    }

    @Test
    void healthSurvivesARestartAndKeepsFading(@TempDir Path deep) throws Exception {
        Path file = deep.resolve("workspace/.metadata/.plugins/org.uploadbridge.metrics/metrics.json");
        MicrometerDeviceMetrics first = TestMetrics.open(file, clock);
        DeviceAddress a = TestMetrics.device(1);
        DeviceAddress b = new DeviceAddress("fe80::1", 80);
        someHistory(first, a, 7);
        clock.advance(Duration.ofMinutes(30));
        someHistory(first, b, 2);
        DeviceHealth aBefore = first.health(a);
        DeviceHealth bBefore = first.health(b);
        first.close();
        assertTrue(Files.isRegularFile(file));

        MicrometerDeviceMetrics second = TestMetrics.open(file, clock);
        assertEquals(List.of(a, b), second.devices());
        assertEquals(kept(aBefore), second.health(a));
        assertEquals(kept(bBefore), second.health(b));
        clock.advance(Duration.ofHours(2));
        assertEquals(first.health(a).uploadSuccessRate(), second.health(a).uploadSuccessRate(), 1e-12,
                "the loaded counts fade like the ones that stayed in memory");
        second.close();
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.equals("metrics.json") && !f.equals("metrics.json.bak")).toList(),
                    "no temporary files are left behind");
        }
        String json = Files.readString(file);
        assertTrue(json.contains("\"host\": \"fe80::1\"") && json.contains("\"version\": 1"), json);
        assertFalse(json.contains("statusP50"), "only counts are kept, not health or events");
    }

    @Test
    void changesAreSavedOnTheirOwnEveryInterval() throws Exception {
        Path file = dir.resolve("metrics.json");
        MetricsSettings often = new MetricsSettings(Duration.ofHours(1), 100, Duration.ofMillis(50), Duration.ofDays(7),
                Duration.ofMinutes(10));
        MicrometerDeviceMetrics metrics = TestMetrics.open(file, often, clock);
        try {
            Thread.sleep(300);
            assertFalse(Files.exists(file), "nothing changed, nothing written");
            metrics.statusProbed(TestMetrics.device(2), Duration.ofMillis(20), true);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(file).contains("127.42.0.2"), "saved without a restart");
        } finally {
            metrics.close();
        }
    }

    @Test
    void aDamagedFileIsMovedAsideAndNeverOverwritten() throws Exception {
        Path file = dir.resolve("metrics.json");
        String damaged = "{\"version\": 1, \"devices\": [ {\"host\": \"127.42.0.1\", \"port\": 80, \"counts\": {\"at\": ";
        Files.writeString(file, damaged);

        MicrometerDeviceMetrics metrics = TestMetrics.open(file, clock);
        assertTrue(metrics.devices().isEmpty(), "starts empty");
        List<Path> aside = aside();
        assertEquals(1, aside.size(), "the damaged file is kept for the user");
        assertEquals(damaged, Files.readString(aside.get(0)));

        someHistory(metrics, TestMetrics.device(3), 1);
        metrics.close();
        assertEquals(damaged, Files.readString(aside.get(0)), "the damaged copy is untouched");
        MicrometerDeviceMetrics reopened = TestMetrics.open(file, clock);
        assertEquals(List.of(TestMetrics.device(3)), reopened.devices(), "a new file was written beside it");
        reopened.close();
    }

    @Test
    void aFileTornByACrashFallsBackToThePreviousSave() throws Exception {
        Path file = dir.resolve("metrics.json");
        MicrometerDeviceMetrics first = TestMetrics.open(file, clock);
        someHistory(first, TestMetrics.device(7), 2);
        first.close();
        MicrometerDeviceMetrics second = TestMetrics.open(file, clock);
        someHistory(second, TestMetrics.device(8), 2);
        second.close();
        String complete = Files.readString(file);
        String torn = complete.substring(0, complete.length() / 3); // a power cut before the data reached the disk
        Files.writeString(file, torn);

        MicrometerDeviceMetrics third = TestMetrics.open(file, clock);
        assertEquals(List.of(TestMetrics.device(7)), third.devices(), "the counts as saved before the last save");
        third.close();
        List<Path> aside = aside();
        assertEquals(1, aside.size(), "the torn file is kept for the user");
        assertEquals(torn, Files.readString(aside.get(0)));
        assertTrue(Files.readString(file).contains("127.42.0.7"), "the previous version is the file again");
    }

    @Test
    void impossibleCountsOrAnUnknownVersionAlsoCountAsDamaged() throws Exception {
        Path file = dir.resolve("metrics.json");
        MicrometerDeviceMetrics metrics = TestMetrics.open(file, clock);
        someHistory(metrics, TestMetrics.device(4), 3);
        metrics.close();
        String good = Files.readString(file);

        Files.writeString(file, good.replaceFirst("\"uploadsOk\": [0-9.]+", "\"uploadsOk\": -3.0"));
        TestMetrics.open(file, clock).close();
        Files.writeString(file, good.replace("\"version\": 1", "\"version\": 2"));
        TestMetrics.open(file, clock).close();
        Files.writeString(file, good.replace("\"port\": 8080", "\"port\": 0"));
        TestMetrics.open(file, clock).close();
        assertEquals(3, aside().size(), "negative counts, a future version and a bad address are each set aside");
    }

    @Test
    void devicesUnseenForTheRetentionPeriodAreForgotten() throws Exception {
        Path file = dir.resolve("metrics.json");
        MicrometerDeviceMetrics metrics = TestMetrics.open(file, clock);
        someHistory(metrics, TestMetrics.device(5), 1);
        clock.advance(Duration.ofDays(6));
        someHistory(metrics, TestMetrics.device(6), 1);
        metrics.close();

        clock.advance(Duration.ofDays(2));
        MicrometerDeviceMetrics later = TestMetrics.open(file, clock);
        assertEquals(List.of(TestMetrics.device(6)), later.devices(), "8 days unseen is past the 7 days kept");
        later.close();
    }

    private List<Path> aside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("metrics.json.unreadable-")).toList();
        }
    }
}
