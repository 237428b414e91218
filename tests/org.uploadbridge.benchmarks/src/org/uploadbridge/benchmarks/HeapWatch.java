package org.uploadbridge.benchmarks;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples this JVM's used heap every few milliseconds and keeps the peak. */
final class HeapWatch {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    private HeapWatch() {
        thread = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(Figures.usedHeap(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    /** The peak used heap seen since {@link #start()}. */
    long stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return peak.get();
    }
}
