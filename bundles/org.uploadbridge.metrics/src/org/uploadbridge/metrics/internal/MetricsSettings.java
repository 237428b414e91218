package org.uploadbridge.metrics.internal;

import java.time.Duration;
import java.util.Map;

/**
 * The metrics settings (configuration PID {@code org.uploadbridge.metrics}; property names are the
 * constants below).
 *
 * @param halfLife how fast recorded events fade: an event this old counts half
 * @param deviceCap the most devices tracked one by one; events of further devices only reach the
 *            registry's totals, under the device tag {@value DeviceMeters#OTHER}
 * @param saveInterval how often changed metrics are written to disk
 * @param retention a device with nothing recorded for this long is forgotten
 * @param percentileWindow status latency percentiles cover roughly this much of the recent past
 */
record MetricsSettings(Duration halfLife, int deviceCap, Duration saveInterval, Duration retention,
        Duration percentileWindow) {

    static final String HALF_LIFE_MINUTES = "halfLifeMinutes";
    static final String DEVICE_CAP = "deviceCap";
    static final String SAVE_INTERVAL_SECONDS = "saveIntervalSeconds";
    static final String RETENTION_DAYS = "retentionDays";
    static final String PERCENTILE_WINDOW_MINUTES = "percentileWindowMinutes";

    MetricsSettings {
        require(halfLife.toMillis() >= 1, HALF_LIFE_MINUTES + " must be positive");
        require(deviceCap >= 1, DEVICE_CAP + " must be at least 1: " + deviceCap);
        require(saveInterval.toMillis() >= 1, SAVE_INTERVAL_SECONDS + " must be positive");
        require(retention.compareTo(halfLife) >= 0, RETENTION_DAYS + " must not be shorter than the half-life");
        require(percentileWindow.toMillis() >= 3, PERCENTILE_WINDOW_MINUTES + " must be positive");
    }

    /** Half-life 1 h, 5,000 devices, saved every 30 s, forgotten after 7 days, percentiles over 10 min. */
    static MetricsSettings defaults() {
        return new MetricsSettings(Duration.ofHours(1), 5_000, Duration.ofSeconds(30), Duration.ofDays(7),
                Duration.ofMinutes(10));
    }

    static MetricsSettings from(Map<String, ?> properties) {
        MetricsSettings d = defaults();
        return new MetricsSettings(Duration.ofMillis(Math.round(number(properties, HALF_LIFE_MINUTES, d.halfLife.toMinutes()) * 60_000)),
                (int) number(properties, DEVICE_CAP, d.deviceCap),
                Duration.ofMillis(Math.round(number(properties, SAVE_INTERVAL_SECONDS, d.saveInterval.toSeconds()) * 1000)),
                Duration.ofMillis(Math.round(number(properties, RETENTION_DAYS, d.retention.toDays()) * 86_400_000)),
                Duration.ofMillis(Math.round(number(properties, PERCENTILE_WINDOW_MINUTES, d.percentileWindow.toMinutes()) * 60_000)));
    }

    MetricsSettings withDeviceCap(int cap) {
        return new MetricsSettings(halfLife, cap, saveInterval, retention, percentileWindow);
    }

    private static double number(Map<String, ?> properties, String key, double fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : Double.parseDouble(value.toString().trim());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
