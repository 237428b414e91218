package org.uploadbridge.metrics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.metrics.DeviceHealth;

/**
 * The health score, as {@code docs/metrics.md} defines it. The weights are the original tool's;
 * the rest makes old evidence fade instead of counting forever.
 */
final class HealthFormula {

    static final double UPLOAD_WEIGHT = 0.4;
    static final double NETWORK_WEIGHT = 0.3;
    static final double ERROR_WEIGHT = 0.3;
    /** Below this much (faded) evidence a rate is pulled toward 1: two failures out of two say less than 20 of 20. */
    static final double FULL_EVIDENCE = 5;
    /** This many recent errors halve the error factor. */
    static final double ERRORS_TO_HALVE = 10;
    /** A retry is half an error: the call may still have succeeded. */
    static final double RETRY_WEIGHT = 0.5;
    /** A breaker opening is worse than one failure: it took several in a row. */
    static final double OPENING_WEIGHT = 2;

    /** Latency percentiles of answered status requests. */
    record Percentiles(Duration p50, Duration p95, Duration p99) {
        static final Percentiles NONE = new Percentiles(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    private HealthFormula() {
    }

    /** {@code 1 - failed / max(ok + failed, FULL_EVIDENCE)}: the success share, or near 1 on little evidence. */
    static double rate(double ok, double failed) {
        return 1 - failed / Math.max(ok + failed, FULL_EVIDENCE);
    }

    static double errorFactor(DeviceStats.Counts c) {
        double errors = c.deviceFailures() + c.networkFailures() + c.probesUnanswered() + RETRY_WEIGHT * c.retries()
                + OPENING_WEIGHT * c.breakerOpenings();
        return ERRORS_TO_HALVE / (ERRORS_TO_HALVE + errors);
    }

    static int score(double uploadRate, double networkRate, double errorFactor) {
        double weighted = UPLOAD_WEIGHT * uploadRate + NETWORK_WEIGHT * networkRate + ERROR_WEIGHT * errorFactor;
        return (int) Math.max(0, Math.min(100, Math.round(100 * weighted)));
    }

    /** One device's health from its counts faded to now. */
    static DeviceHealth device(DeviceStats.Counts c, Percentiles status, String breakerState) {
        double upload = rate(c.uploadsOk(), c.deviceFailures() + c.networkFailures());
        double network = rate(c.probesAnswered() + c.uploadsOk() + c.deviceFailures(),
                c.probesUnanswered() + c.networkFailures());
        double errors = errorFactor(c);
        return new DeviceHealth(score(upload, network, errors), upload, network, errors, c.uploadsTotal(),
                c.failuresTotal(), throughput(c.bytes(), c.uploadSeconds()), status.p50(), status.p95(), status.p99(),
                c.retriesTotal(), breakerState, Optional.of(Instant.ofEpochMilli(c.lastSeen())));
    }

    /**
     * The fleet: each term is the mean of the devices' terms (so the score is the rounded mean
     * of the devices' unrounded scores), totals add up, throughput pools bytes and seconds, the breaker is the worst one.
     */
    static DeviceHealth overall(List<DeviceHealth> devices, List<DeviceStats.Counts> counts, Percentiles fleetStatus) {
        if (devices.isEmpty()) {
            return DeviceHealth.noData();
        }
        double upload = devices.stream().mapToDouble(DeviceHealth::uploadSuccessRate).average().orElse(1);
        double network = devices.stream().mapToDouble(DeviceHealth::networkSuccessRate).average().orElse(1);
        double errors = devices.stream().mapToDouble(DeviceHealth::errorFactor).average().orElse(1);
        double bytes = counts.stream().mapToDouble(DeviceStats.Counts::bytes).sum();
        double seconds = counts.stream().mapToDouble(DeviceStats.Counts::uploadSeconds).sum();
        String breaker = devices.stream().map(DeviceHealth::breakerState).max((a, b) -> severity(a) - severity(b))
                .orElse(DeviceHealth.CLOSED);
        Optional<Instant> lastSeen = devices.stream().flatMap(d -> d.lastSeen().stream()).max(Instant::compareTo);
        return new DeviceHealth(score(upload, network, errors), upload, network, errors,
                devices.stream().mapToLong(DeviceHealth::uploads).sum(),
                devices.stream().mapToLong(DeviceHealth::failures).sum(), throughput(bytes, seconds), fleetStatus.p50(),
                fleetStatus.p95(), fleetStatus.p99(), devices.stream().mapToLong(DeviceHealth::retries).sum(), breaker,
                lastSeen);
    }

    private static double throughput(double bytes, double seconds) {
        return seconds > 0 ? bytes / seconds : 0;
    }

    /** OPEN worst, then HALF_OPEN, then any other state. */
    private static int severity(String breakerState) {
        return switch (breakerState) {
            case "OPEN" -> 2;
            case "HALF_OPEN" -> 1;
            default -> 0;
        };
    }
}
