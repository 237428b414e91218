package org.uploadbridge.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One device's health (or the fleet's) at one moment. Rates, factor and throughput come from
 * counts that fade with a half-life, so old failures matter less and less; the counts of uploads,
 * failures and retries are totals since the device was first tracked. See {@code docs/metrics.md}.
 *
 * @param score 0..100: {@code round(100 * (0.4 * uploadSuccessRate + 0.3 * networkSuccessRate + 0.3 * errorFactor))}
 * @param uploadSuccessRate 0..1, recent uploads that the device accepted
 * @param networkSuccessRate 0..1, recent requests (status and uploads) the device answered
 * @param errorFactor 0..1, 1 with no recent errors, halved by ten recent ones
 * @param uploads uploads that reached the network, all time
 * @param failures of those, the ones that failed
 * @param throughputBytesPerSecond recent bytes per second of successful uploads; 0 without any
 * @param statusP50 median latency of answered status requests in the last minutes; zero without any
 * @param statusP95 95th percentile of the same
 * @param statusP99 99th percentile of the same
 * @param retries retries of any call to the device, all time
 * @param breakerState the breaker's last reported state ("CLOSED" until one is reported)
 * @param lastSeen when anything was last recorded for the device
 */
public record DeviceHealth(int score, double uploadSuccessRate, double networkSuccessRate, double errorFactor,
        long uploads, long failures, double throughputBytesPerSecond, Duration statusP50, Duration statusP95,
        Duration statusP99, long retries, String breakerState, Optional<Instant> lastSeen) {

    public static final String CLOSED = "CLOSED";

    /** A device nothing is known about: nothing counts against it, so it scores 100. */
    public static DeviceHealth noData() {
        return new DeviceHealth(100, 1, 1, 1, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, CLOSED,
                Optional.empty());
    }

    /** Whether anything was ever recorded for the device. */
    public boolean hasData() {
        return lastSeen.isPresent();
    }
}
