package org.uploadbridge.resilience.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.TimeoutRule;
import org.uploadbridge.resilience.TimeoutSettings;

/**
 * Timeouts that follow each device (formula in docs/resilience.md). Calls that send nothing get
 * TCP's retransmission timeout over their measured answer times, {@code SRTT + 4 x RTTVAR}, once
 * {@value #MIN_SAMPLES} answers are in. Transfers get that status time plus three times what the
 * payload takes at the device's measured throughput. A timeout that ran out doubles the next one
 * for that device and operation (up to 8x) until a call succeeds. Every result stays within the
 * operation's {@link TimeoutRule} bounds; without measurements the rule's own value applies.
 */
final class AdaptiveTimeouts {

    static final int MIN_SAMPLES = 3;
    /** Transfers smaller than this measure the device's answer time more than its throughput. */
    static final long MIN_THROUGHPUT_SAMPLE_BYTES = 64 * 1024;
    /** Room for a transfer slower than the device's average. */
    static final double TRANSFER_SAFETY = 3.0;
    static final int MAX_BACKOFF_DOUBLINGS = 3;
    /** Estimates are a cache: past this many devices they are dropped and learnt again. */
    static final int MAX_DEVICES = 10_000;
    private static final double GAIN = 0.125;
    private static final double VARIANCE_GAIN = 0.25;
    private static final double THROUGHPUT_GAIN = 0.25;

    private final Map<DeviceAddress, DeviceEstimates> devices = new ConcurrentHashMap<>();

    Duration timeout(TimeoutSettings settings, DeviceAddress device, DeviceOperation operation, long payloadBytes) {
        TimeoutRule rule = settings.rule(operation);
        DeviceEstimates known = devices.get(device);
        if (!settings.adaptive() || known == null) {
            return rule.forBytes(payloadBytes);
        }
        synchronized (known) {
            double millis = operation.isTransfer() ? transferMillis(settings, known, operation, payloadBytes)
                    : answerMillis(known.of(operation), rule);
            millis *= 1 << known.of(operation).timeoutsInARow;
            return rule.clamp(Duration.ofMillis(Math.round(Math.min(millis, rule.max().toMillis()))));
        }
    }

    /** Learns from one attempt that reached the device. */
    void observe(DeviceAddress device, DeviceOperation operation, long payloadBytes, Duration took, boolean timedOut,
            boolean answered) {
        if (devices.size() >= MAX_DEVICES && !devices.containsKey(device)) {
            devices.clear();
        }
        DeviceEstimates known = devices.computeIfAbsent(device, d -> new DeviceEstimates());
        synchronized (known) {
            Estimate estimate = known.of(operation);
            if (timedOut) {
                estimate.timeoutsInARow = Math.min(MAX_BACKOFF_DOUBLINGS, estimate.timeoutsInARow + 1);
                return;
            }
            if (!answered) {
                return; // refused or unreachable: says nothing about how long an answer takes
            }
            estimate.timeoutsInARow = 0;
            double millis = took.toNanos() / 1e6;
            if (operation.isTransfer()) {
                if (payloadBytes >= MIN_THROUGHPUT_SAMPLE_BYTES && millis > 0) {
                    estimate.addThroughput(payloadBytes / (millis / 1000));
                }
            } else {
                estimate.addAnswerTime(millis);
            }
        }
    }

    /** What a call may take now, as measured; the rule's value until enough answers are in. */
    private static double answerMillis(Estimate estimate, TimeoutRule rule) {
        return estimate.samples < MIN_SAMPLES ? rule.forBytes(0).toMillis()
                : estimate.smoothedMillis + 4 * estimate.deviationMillis;
    }

    private static double transferMillis(TimeoutSettings settings, DeviceEstimates known, DeviceOperation operation,
            long payloadBytes) {
        Estimate transfers = known.of(operation);
        if (transfers.bytesPerSecond <= 0) {
            return settings.rule(operation).forBytes(payloadBytes).toMillis();
        }
        double answer = settings.rule(DeviceOperation.STATUS).clamp(Duration.ofMillis(
                Math.round(answerMillis(known.of(DeviceOperation.STATUS), settings.rule(DeviceOperation.STATUS))))).toMillis();
        return answer + TRANSFER_SAFETY * payloadBytes / transfers.bytesPerSecond * 1000;
    }

    /** One device's estimates, one per operation; guarded by its own monitor. */
    private static final class DeviceEstimates {
        private final Map<DeviceOperation, Estimate> byOperation = new EnumMap<>(DeviceOperation.class);

        Estimate of(DeviceOperation operation) {
            return byOperation.computeIfAbsent(operation, o -> new Estimate());
        }
    }

    /** Smoothed answer time and deviation (RFC 6298), and smoothed throughput for transfers. */
    private static final class Estimate {
        int samples;
        double smoothedMillis;
        double deviationMillis;
        double bytesPerSecond;
        int timeoutsInARow;

        void addAnswerTime(double millis) {
            if (samples++ == 0) {
                smoothedMillis = millis;
                deviationMillis = millis / 2;
            } else {
                deviationMillis = (1 - VARIANCE_GAIN) * deviationMillis + VARIANCE_GAIN * Math.abs(smoothedMillis - millis);
                smoothedMillis = (1 - GAIN) * smoothedMillis + GAIN * millis;
            }
        }

        void addThroughput(double sample) {
            bytesPerSecond = bytesPerSecond <= 0 ? sample : (1 - THROUGHPUT_GAIN) * bytesPerSecond + THROUGHPUT_GAIN * sample;
        }
    }
}
