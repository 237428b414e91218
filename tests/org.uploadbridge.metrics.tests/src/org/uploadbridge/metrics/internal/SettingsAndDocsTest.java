package org.uploadbridge.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.uploadbridge.testing.RepositoryFiles;

/** The configuration is read as documented, and docs/metrics.md names every column, meter and property. */
class SettingsAndDocsTest {

    @Test
    void settingsComeFromTheConfigurationWithDefaultsForTheRest() {
        MetricsSettings s = MetricsSettings.from(Map.of(MetricsSettings.HALF_LIFE_MINUTES, "30",
                MetricsSettings.DEVICE_CAP, 200, MetricsSettings.SAVE_INTERVAL_SECONDS, 5L));
        assertEquals(new MetricsSettings(Duration.ofMinutes(30), 200, Duration.ofSeconds(5), Duration.ofDays(7),
                Duration.ofMinutes(10)), s);
        assertEquals(MetricsSettings.defaults(), MetricsSettings.from(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> MetricsSettings.from(Map.of(MetricsSettings.DEVICE_CAP, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> MetricsSettings.from(Map.of(MetricsSettings.HALF_LIFE_MINUTES, "-1")));
    }

    @Test
    void theGuideNamesEveryColumnMeterAndProperty() throws Exception {
        String guide = Files.readString(RepositoryFiles.root().resolve("docs/metrics.md"));
        List<String> names = new ArrayList<>(HealthExport.CSV_COLUMNS);
        names.addAll(List.of(DeviceMeters.UPLOAD_OUTCOMES, DeviceMeters.UPLOAD_DURATION, DeviceMeters.UPLOAD_BYTES,
                DeviceMeters.STATUS_PROBES, DeviceMeters.STATUS_LATENCY, DeviceMeters.FLEET_STATUS_LATENCY,
                DeviceMeters.RETRIES, DeviceMeters.BREAKER_TRANSITIONS, MetricsSettings.HALF_LIFE_MINUTES,
                MetricsSettings.DEVICE_CAP, MetricsSettings.SAVE_INTERVAL_SECONDS, MetricsSettings.RETENTION_DAYS,
                MetricsSettings.PERCENTILE_WINDOW_MINUTES, MicrometerDeviceMetrics.FILE));
        for (String name : names) {
            assertTrue(guide.contains("`" + name + "`"), "docs/metrics.md names `" + name + "`");
        }
        assertTrue(guide.contains("0.4 * uploadSuccessRate + 0.3 * networkSuccessRate + 0.3 * errorFactor"));
    }
}
