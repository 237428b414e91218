package org.uploadbridge.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

    /**
     * CPU time this JVM's live Java threads have used so far, in milliseconds: the client's own
     * work, without the JIT compiler's and the garbage collector's threads (and without threads
     * that have ended).
     */
    static long javaThreadsCpuMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (long id : threads.getAllThreadIds()) {
            nanos += Math.max(0, threads.getThreadCpuTime(id));
        }
        return nanos / 1_000_000;
    }

    /** CPU time a process has used so far, in milliseconds; -1 when the OS does not tell. */
    static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /** How long this JVM takes to hash {@code file} (warm page cache, median of a few). */
    static double sha256Millis(Path file, int rounds) throws Exception {
        double[] times = new double[rounds];
        byte[] buffer = new byte[64 * 1024];
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            digest.digest();
            times[round] = (System.nanoTime() - t0) / 1e6;
        }
        return median(times);
    }
}
