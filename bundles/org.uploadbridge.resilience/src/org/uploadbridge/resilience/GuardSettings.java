package org.uploadbridge.resilience;

import java.time.Duration;
import java.util.Map;

/**
 * The guard's settings, per device (configuration PID {@code org.uploadbridge.resilience}, the
 * property names are the constants below). Quotas of 0 are off.
 *
 * @param maxAttempts attempts per call, the first included (1: no retry)
 * @param retryBaseDelay the delay before the first retry; it doubles per retry
 * @param retryMaxDelay the longest delay between two attempts
 * @param jitter each delay varies by up to this fraction either way (0..1), so a fleet does not retry in step
 * @param failureThreshold failures in a row that open a device's breaker
 * @param breakerOpenFor how long an open breaker fails calls fast before it lets a probe through
 * @param callsPerDevice the device's bulkhead: calls in flight at once; more wait their turn
 * @param uploadsPerHour uploads per device in any hour
 * @param maxUploadBytes the largest upload
 * @param concurrentUploads uploads to one device at once
 * @param cooldown the pause after a failed upload before the next to that device
 */
public record GuardSettings(int maxAttempts, Duration retryBaseDelay, Duration retryMaxDelay, double jitter,
        int failureThreshold, Duration breakerOpenFor, int callsPerDevice, int uploadsPerHour, long maxUploadBytes,
        int concurrentUploads, Duration cooldown) {

    public static final String MAX_ATTEMPTS = "retry.maxAttempts";
    public static final String RETRY_BASE_DELAY_MS = "retry.baseDelayMs";
    public static final String RETRY_MAX_DELAY_MS = "retry.maxDelayMs";
    public static final String JITTER = "retry.jitter";
    public static final String FAILURE_THRESHOLD = "breaker.failureThreshold";
    public static final String BREAKER_OPEN_MS = "breaker.openMs";
    public static final String CALLS_PER_DEVICE = "bulkhead.callsPerDevice";
    public static final String UPLOADS_PER_HOUR = "quota.uploadsPerHour";
    public static final String MAX_UPLOAD_BYTES = "quota.maxUploadBytes";
    public static final String CONCURRENT_UPLOADS = "quota.concurrentUploads";
    public static final String COOLDOWN_MS = "quota.cooldownMs";

    public GuardSettings {
        require(maxAttempts >= 1 && maxAttempts <= 20, MAX_ATTEMPTS + " must be 1..20: " + maxAttempts);
        require(retryBaseDelay.isPositive() && retryMaxDelay.compareTo(retryBaseDelay) >= 0,
                RETRY_MAX_DELAY_MS + " must be at least " + RETRY_BASE_DELAY_MS);
        require(jitter >= 0 && jitter < 1, JITTER + " must be 0..1 (excluded): " + jitter);
        require(failureThreshold >= 1, FAILURE_THRESHOLD + " must be at least 1: " + failureThreshold);
        require(breakerOpenFor.isPositive(), BREAKER_OPEN_MS + " must be positive");
        require(callsPerDevice >= 1, CALLS_PER_DEVICE + " must be at least 1: " + callsPerDevice);
        require(uploadsPerHour >= 0 && maxUploadBytes >= 0 && concurrentUploads >= 0 && !cooldown.isNegative(),
                "quotas must not be negative (0 turns one off)");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * The defaults: 3 attempts, 0.5 s doubling to 8 s, jitter 0.5; breaker opens after 5 failures
     * for 30 s; 2 calls per device; and the original tool's quotas per device: 10 uploads an hour,
     * 10 MB, 3 at once, 30 s after a failed upload.
     */
    public static GuardSettings defaults() {
        return new GuardSettings(3, Duration.ofMillis(500), Duration.ofSeconds(8), 0.5, 5, Duration.ofSeconds(30), 2, 10,
                10L * 1024 * 1024, 3, Duration.ofSeconds(30));
    }

    /** The defaults, with each property present in {@code properties} in its place. */
    public static GuardSettings from(Map<String, ?> properties) {
        GuardSettings d = defaults();
        return new GuardSettings(ConfigValues.integer(properties, MAX_ATTEMPTS, d.maxAttempts),
                ConfigValues.millis(properties, RETRY_BASE_DELAY_MS, d.retryBaseDelay), ConfigValues.millis(properties, RETRY_MAX_DELAY_MS, d.retryMaxDelay),
                Double.parseDouble(ConfigValues.text(properties, JITTER, d.jitter)),
                ConfigValues.integer(properties, FAILURE_THRESHOLD, d.failureThreshold), ConfigValues.millis(properties, BREAKER_OPEN_MS, d.breakerOpenFor),
                ConfigValues.integer(properties, CALLS_PER_DEVICE, d.callsPerDevice), ConfigValues.integer(properties, UPLOADS_PER_HOUR, d.uploadsPerHour),
                Long.parseLong(ConfigValues.text(properties, MAX_UPLOAD_BYTES, d.maxUploadBytes)),
                ConfigValues.integer(properties, CONCURRENT_UPLOADS, d.concurrentUploads), ConfigValues.millis(properties, COOLDOWN_MS, d.cooldown));
    }
}
