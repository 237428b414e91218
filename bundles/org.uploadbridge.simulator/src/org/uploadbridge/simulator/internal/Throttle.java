package org.uploadbridge.simulator.internal;

import java.io.InterruptedIOException;

/**
 * Reads no faster than a device can: after {@code n} bytes, at least {@code n / rate} seconds have
 * passed since the first read. Sleeps in the calling (handler) thread, so TCP flow control slows
 * the sender down as a real ESP's small receive window does.
 */
final class Throttle {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long bytesPerSecond;
    private long startNanos;
    private long bytes;

    /** @param bytesPerSecond 0 for no limit */
    Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Called before the first read, so that the first chunk is not free. */
    void start() {
        startNanos = System.nanoTime();
    }

    /** Accounts for {@code count} bytes read, sleeping until they are due. */
    void consumed(int count) throws InterruptedIOException {
        if (bytesPerSecond <= 0) {
            return;
        }
        bytes += count;
        // Throttled bodies are bounded to a few MB, so bytes x 10^9 cannot overflow.
        long due = startNanos + bytes * NANOS_PER_SECOND / bytesPerSecond;
        long wait = due - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while throttling an upload");
        }
    }
}
