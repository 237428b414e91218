package org.uploadbridge.core.device;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one kind of device call may take before it counts as timed out: a base plus so much per
 * megabyte sent, clamped to {@code [min, max]}.
 *
 * @param base the time for a call that sends nothing
 * @param perMegabyte the time added per MiB sent
 * @param min the shortest timeout, however fast the device has been
 * @param max the longest timeout, however slow the device has been
 */
public record TimeoutRule(Duration base, Duration perMegabyte, Duration min, Duration max) {

    private static final double BYTES_PER_MEGABYTE = 1024.0 * 1024.0;

    public TimeoutRule {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(perMegabyte, "perMegabyte");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0 || base.isNegative() || perMegabyte.isNegative()) {
            throw new IllegalArgumentException("a timeout rule needs 0 < min <= max and no negative times, was " + base
                    + " + " + perMegabyte + "/MB within " + min + ".." + max);
        }
    }

    /**
     * The original tool's rules (device-protocols.md §2): status 5 s (3..15), upload 10 s + 5 s/MB
     * (10..120), firmware 30 s + 10 s/MB (30..300), library 10 s (5..20). Control calls
     * (brightness, restart, schedule) are as quick as a status.
     */
    public static TimeoutRule defaultFor(DeviceOperation operation) {
        return switch (operation) {
            case STATUS, CONTROL -> seconds(5, 0, 3, 15);
            case LIBRARY -> seconds(10, 0, 5, 20);
            case UPLOAD -> seconds(10, 5, 10, 120);
            case FIRMWARE -> seconds(30, 10, 30, 300);
        };
    }

    /** The rule's timeout for a call that sends {@code payloadBytes}. */
    public Duration forBytes(long payloadBytes) {
        double millis = base.toMillis() + perMegabyte.toMillis() * (Math.max(0, payloadBytes) / BYTES_PER_MEGABYTE);
        return clamp(Duration.ofMillis(Math.round(millis)));
    }

    /** {@code timeout} within this rule's bounds. */
    public Duration clamp(Duration timeout) {
        return timeout.compareTo(min) < 0 ? min : timeout.compareTo(max) > 0 ? max : timeout;
    }

    private static TimeoutRule seconds(int base, int perMegabyte, int min, int max) {
        return new TimeoutRule(Duration.ofSeconds(base), Duration.ofSeconds(perMegabyte), Duration.ofSeconds(min),
                Duration.ofSeconds(max));
    }
}
