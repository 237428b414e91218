package org.uploadbridge.simulator.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests that reached a device, in total and per path; lock-free. */
final class RequestCounters {

    /** A client probing random paths must not grow the map without end; the total still counts them. */
    private static final int MAX_PATHS = 1024;

    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();

    void count(String path) {
        total.increment();
        LongAdder counter = byPath.get(path);
        if (counter == null && byPath.size() < MAX_PATHS) {
            counter = byPath.computeIfAbsent(path, key -> new LongAdder());
        }
        if (counter != null) {
            counter.increment();
        }
    }

    long total() {
        return total.sum();
    }

    long forPath(String path) {
        LongAdder counter = byPath.get(path);
        return counter == null ? 0 : counter.sum();
    }

    void reset() {
        total.reset();
        byPath.clear();
    }
}
