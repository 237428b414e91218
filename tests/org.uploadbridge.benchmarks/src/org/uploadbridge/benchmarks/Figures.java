package org.uploadbridge.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Printing and keeping benchmark figures, and the small statistics they need. */
final class Figures {

    private Figures() {
    }

    static void report(String name, String text) throws IOException {
        System.out.print(text);
        Path dir = Path.of(System.getProperty("benchmark.report.dir", "target/benchmarks"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".txt"), text);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    static long usedHeapAfterGc() {
        System.gc();
        return usedHeap();
    }
}
