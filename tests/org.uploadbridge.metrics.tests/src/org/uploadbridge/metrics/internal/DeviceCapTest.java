package org.uploadbridge.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;

/** At most the cap of devices is tracked; the others still count in the registry under "other". */
class DeviceCapTest {

    @TempDir
    Path dir;
    private final TestMetrics.MovableClock clock = new TestMetrics.MovableClock(TestMetrics.START);

    @Test
    void devicesBeyondTheCapOnlyCountInTheTotals() {
        MicrometerDeviceMetrics metrics = TestMetrics.open(dir.resolve("metrics.json"),
                MetricsSettings.defaults().withDeviceCap(3), clock);
        try {
            for (int n = 1; n <= 5; n++) {
                metrics.uploadFinished(TestMetrics.device(n), Duration.ofSeconds(1), 1_000, Optional.empty());
                metrics.statusProbed(TestMetrics.device(n), Duration.ofMillis(10), true);
            }
            assertEquals(List.of(TestMetrics.device(1), TestMetrics.device(2), TestMetrics.device(3)), metrics.devices());
            assertEquals(DeviceHealth.noData(), metrics.health(TestMetrics.device(4)));
            var registry = metrics.registry();
            assertEquals(2, registry.get(DeviceMeters.UPLOAD_OUTCOMES).tag("device", DeviceMeters.OTHER).counter().count());
            assertEquals(2, registry.get(DeviceMeters.STATUS_LATENCY).tag("device", DeviceMeters.OTHER).timer().count());
            assertEquals(5, registry.get(DeviceMeters.FLEET_STATUS_LATENCY).timer().count(), "every probe in the fleet's latency");
            assertEquals(3, metrics.overall().uploads(), "overall is over the tracked devices");

            // A week later the three are stale; the next new device is tracked in their place.
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            metrics.statusProbed(TestMetrics.device(4), Duration.ofMillis(10), true);
            assertEquals(List.of(TestMetrics.device(4)), metrics.devices());
            assertTrue(registry.find(DeviceMeters.UPLOAD_OUTCOMES).tag("device", TestMetrics.device(1).toString())
                    .counters().isEmpty(), "the forgotten devices' meters are removed too");
        } finally {
            metrics.close();
        }
    }

    @Test
    void theFileStaysWithinTheCap() throws Exception {
        Path file = dir.resolve("metrics.json");
        MicrometerDeviceMetrics wide = TestMetrics.open(file, MetricsSettings.defaults().withDeviceCap(50), clock);
        for (int n = 1; n <= 50; n++) {
            clock.advance(Duration.ofSeconds(1));
            wide.statusProbed(TestMetrics.device(n), Duration.ofMillis(10), true);
        }
        wide.close();
        long size = Files.size(file);
        assertTrue(size < 50 * 700, "about 600 bytes a device, whatever happened to it: " + size);

        MicrometerDeviceMetrics narrow = TestMetrics.open(file, MetricsSettings.defaults().withDeviceCap(10), clock);
        try {
            assertEquals(10, narrow.devices().size(), "a lower cap keeps the devices seen last");
            assertTrue(narrow.devices().contains(TestMetrics.device(50)) && !narrow.devices().contains(TestMetrics.device(40)));
        } finally {
            narrow.close();
        }
    }
}
