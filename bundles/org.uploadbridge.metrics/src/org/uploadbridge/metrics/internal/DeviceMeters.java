package org.uploadbridge.metrics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.uploadbridge.metrics.internal.HealthFormula.Percentiles;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The Micrometer side: a registry of our own (not the global one, so bundles do not share state
 * through a static), with meters tagged by device. Names and tags are listed in {@code docs/metrics.md}.
 */
final class DeviceMeters implements AutoCloseable {

    /** The device tag of devices beyond the cap. */
    static final String OTHER = "other";
    static final String UPLOAD_OUTCOMES = "uploadbridge.upload.outcomes";
    static final String UPLOAD_DURATION = "uploadbridge.upload.duration";
    static final String UPLOAD_BYTES = "uploadbridge.upload.bytes";
    static final String STATUS_PROBES = "uploadbridge.status.probes";
    static final String STATUS_LATENCY = "uploadbridge.status.latency";
    static final String FLEET_STATUS_LATENCY = "uploadbridge.status.latency.fleet";
    static final String RETRIES = "uploadbridge.retries";
    static final String BREAKER_TRANSITIONS = "uploadbridge.breaker.transitions";
    static final String DEVICE = "device";

    /**
     * One significant digit, Micrometer's default: a percentile histogram costs about 16 KB per
     * device at that precision (five times more at two digits), which matters at thousands of devices.
     */
    private static final int PERCENTILE_PRECISION = 1;
    private static final int PERCENTILE_BUFFERS = 3;

    /** A device's latency timer and when it was last used; timers of quiet devices are dropped to save memory. */
    private record Latency(Timer timer, long lastUse) {
    }

    private final Clock clock;
    private final Duration percentileWindow;
    private final SimpleMeterRegistry registry;
    private final Timer fleetLatency;
    private final Map<String, Latency> latency = new ConcurrentHashMap<>();

    DeviceMeters(Clock clock, Duration percentileWindow) {
        this.clock = clock;
        this.percentileWindow = percentileWindow;
        this.registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MicrometerClock(clock));
        // Pause detection needs LatencyUtils, which we do not ship; without this Micrometer warns once.
        registry.config().pauseDetector(new NoPauseDetector());
        this.fleetLatency = latencyTimer(Timer.builder(FLEET_STATUS_LATENCY));
    }

    MeterRegistry registry() {
        return registry;
    }

    void upload(String device, UploadOutcome outcome, String errorTag, Duration took, long bytes) {
        Counter.builder(UPLOAD_OUTCOMES).tag(DEVICE, device).tag("outcome", outcome.tag()).tag("error", errorTag)
                .register(registry).increment();
        if (outcome.reachedNetwork()) {
            Timer.builder(UPLOAD_DURATION).tag(DEVICE, device).tag("outcome", outcome.tag()).register(registry)
                    .record(took);
        }
        if (outcome == UploadOutcome.SUCCESS) {
            DistributionSummary.builder(UPLOAD_BYTES).baseUnit("bytes").tag(DEVICE, device).register(registry)
                    .record(bytes);
        }
    }

    void probe(String device, Duration took, boolean answered) {
        Counter.builder(STATUS_PROBES).tag(DEVICE, device).tag("outcome", answered ? "answered" : "unanswered")
                .register(registry).increment();
        if (answered) {
            long now = clock.millis();
            // compute() so that dropIdle() cannot remove the timer between lookup and record
            latency.compute(device, (tag, known) -> {
                Timer timer = known != null ? known.timer() : latencyTimer(Timer.builder(STATUS_LATENCY).tag(DEVICE, tag));
                timer.record(took);
                return new Latency(timer, now);
            });
            fleetLatency.record(took);
        }
    }

    void retry(String device, String operation) {
        Counter.builder(RETRIES).tag(DEVICE, device).tag("operation", operation).register(registry).increment();
    }

    void breaker(String device, String from, String to) {
        Counter.builder(BREAKER_TRANSITIONS).tag(DEVICE, device).tag("from", from).tag("to", to).register(registry)
                .increment();
    }

    Percentiles status(String device) {
        Latency known = latency.get(device);
        return known == null ? Percentiles.NONE : percentiles(known.timer());
    }

    Percentiles fleetStatus() {
        return percentiles(fleetLatency);
    }

    /** Drops the latency timers of devices not probed within the percentile window: they have no percentiles left. */
    void dropIdle() {
        long before = clock.millis() - percentileWindow.toMillis();
        for (String device : latency.keySet()) {
            latency.computeIfPresent(device, (tag, known) -> {
                if (known.lastUse() >= before) {
                    return known;
                }
                registry.remove(known.timer()); // its percentile gauges go with it
                return null;
            });
        }
    }

    /** Removes every meter of a device the metrics no longer track. */
    void forget(String device) {
        latency.remove(device);
        registry.getMeters().stream().filter(m -> device.equals(m.getId().getTag(DEVICE))).toList()
                .forEach(registry::remove);
    }

    @Override
    public void close() {
        registry.close();
    }

    /** Percentiles over a sliding window of about {@code percentileWindow} (between 2/3 of it and all of it). */
    private Timer latencyTimer(Timer.Builder builder) {
        return builder.publishPercentiles(0.5, 0.95, 0.99).percentilePrecision(PERCENTILE_PRECISION)
                .distributionStatisticExpiry(percentileWindow).distributionStatisticBufferLength(PERCENTILE_BUFFERS)
                .register(registry);
    }

    private static Percentiles percentiles(Timer timer) {
        Duration p50 = Duration.ZERO;
        Duration p95 = Duration.ZERO;
        Duration p99 = Duration.ZERO;
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            Duration value = Duration.ofNanos(Math.round(v.value(TimeUnit.NANOSECONDS)));
            if (v.percentile() == 0.5) {
                p50 = value;
            } else if (v.percentile() == 0.95) {
                p95 = value;
            } else if (v.percentile() == 0.99) {
                p99 = value;
            }
        }
        return new Percentiles(p50, p95, p99);
    }

    /** Micrometer's clock on a {@link Clock}, so tests move both the fading and the percentile windows. */
    private record MicrometerClock(Clock clock) implements io.micrometer.core.instrument.Clock {
        @Override
        public long wallTime() {
            return clock.millis();
        }

        @Override
        public long monotonicTime() {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }
    }
}
