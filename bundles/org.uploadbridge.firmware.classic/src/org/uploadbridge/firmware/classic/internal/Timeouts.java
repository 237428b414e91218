package org.uploadbridge.firmware.classic.internal;

import java.time.Duration;

/**
 * The original tool's timeouts per operation (device-protocols.md §2): base + per MB, clamped.
 * The resilience work will adapt them from each device's measured throughput.
 */
final class Timeouts {

    static final Duration STATUS = Duration.ofSeconds(5);
    static final Duration LIBRARY = Duration.ofSeconds(10);

    private Timeouts() {
    }

    static Duration upload(long bytes) {
        return clamp(10 + 5 * megabytes(bytes), 10, 120);
    }

    static Duration firmware(long bytes) {
        return clamp(30 + 10 * megabytes(bytes), 30, 300);
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static Duration clamp(double seconds, int min, int max) {
        return Duration.ofMillis(Math.round(Math.max(min, Math.min(max, seconds)) * 1000));
    }
}
