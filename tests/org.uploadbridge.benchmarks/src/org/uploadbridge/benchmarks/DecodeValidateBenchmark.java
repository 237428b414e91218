package org.uploadbridge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.validation.ValidationReport;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.PatternValidator;
import org.uploadbridge.testing.OsgiServices;

/**
 * Decode + validate of a large native pattern against a plain sequential read of the same file,
 * both measured in this run on a warm page cache. Prints MB/s for each, their ratio (goal: decode +
 * validate at least 0.5x the raw read) and the heap the decoded pattern costs. Not a timed test:
 * it asserts only that the work was done right; the figures are for people.
 */
class DecodeValidateBenchmark {

    private static final int LEDS = 2_000;
    private static final int ROUNDS = 3;

    @Test
    void decodeAndValidateAgainstRawRead(@TempDir Path dir) throws Exception {
        int megabytes = Integer.getInteger("benchmark.decode.mb", 8);
        Path file = dir.resolve("benchmark.bin");
        int frames = writePattern(file, megabytes * 1_000_000L);
        long size = Files.size(file);

        PatternLoader loader = OsgiServices.await(PatternLoader.class);
        PatternValidator validator = OsgiServices.await(PatternValidator.class);

        rawRead(file); // warm the page cache so both sides read from memory
        double[] raw = new double[ROUNDS];
        double[] stream = new double[ROUNDS];
        double[] allocate = new double[ROUNDS];
        double[] decode = new double[ROUNDS];
        double[] decodeOnly = new double[ROUNDS];
        long heapForPattern = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            long read = rawRead(file);
            raw[round] = (System.nanoTime() - t0) / 1e9;
            assertEquals(size, read);
            long t2 = System.nanoTime();
            assertEquals(size, streamRead(file));
            stream[round] = (System.nanoTime() - t2) / 1e9;

            Figures.usedHeapAfterGc();
            long t3 = System.nanoTime();
            byte[] zeroed = new byte[(int) size]; // what any decoder into one array pays first
            allocate[round] = (System.nanoTime() - t3) / 1e9;
            assertEquals(0, zeroed[zeroed.length - 1]);
            zeroed = null;

            long heapBefore = Figures.usedHeapAfterGc();
            long t1 = System.nanoTime();
            LoadedPattern loaded = loader.load(file, ReadOptions.none());
            decodeOnly[round] = (System.nanoTime() - t1) / 1e9;
            ValidationReport report = validator.validate(loaded.pattern(), DeviceLimits.none());
            decode[round] = (System.nanoTime() - t1) / 1e9;
            heapForPattern = Math.max(heapForPattern, Figures.usedHeap() - heapBefore);
            assertEquals(LEDS, loaded.pattern().ledCount());
            assertEquals(frames, loaded.pattern().frameCount());
            assertTrue(report.isValid(), () -> "the generated pattern is valid: " + report.findings());
        }
        double rawMbps = size / 1e6 / Figures.median(raw);
        double decodeMbps = size / 1e6 / Figures.median(decode);
        String result = String.format(
                "decode+validate benchmark: %,d bytes (%d LEDs x %d frames), median of %d rounds%n"
                        + "  raw sequential read : %8.1f MB/s  (FileChannel into a 1 MiB direct buffer: the kernel's copy only)%n"
                        + "  stream read         : %8.1f MB/s  (InputStream into a 64 KiB byte[], as most Java code reads)%n"
                        + "  allocating an array : %8.1f MB/s  (a zeroed byte[] of the file's size: the floor for any decoder into one array)%n"
                        + "  decode alone        : %8.1f MB/s%n"
                        + "  decode + validate   : %8.1f MB/s%n"
                        + "  ratio               : %8.2f x the raw read (goal >= 0.50), %.2f x the stream read%n"
                        + "  heap for the pattern: %8.1f MB (file %.1f MB)%n",
                size, LEDS, frames, ROUNDS, rawMbps, size / 1e6 / Figures.median(stream), size / 1e6 / Figures.median(allocate), size / 1e6 / Figures.median(decodeOnly), decodeMbps,
                decodeMbps / rawMbps, decodeMbps / (size / 1e6 / Figures.median(stream)), heapForPattern / 1e6, size / 1e6);
        Figures.report("decode-validate", result);
    }

    /** Writes a native pattern of about {@code bytes} bytes, frame by frame; returns the frame count. */
    private static int writePattern(Path file, long bytes) throws IOException {
        int frameBytes = 2 + LEDS * 3;
        int frames = (int) Math.max(1, Math.min(Pattern.MAX_FRAMES, (bytes - 4) / frameBytes));
        ByteBuffer frame = ByteBuffer.allocate(frameBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            header.putShort((short) LEDS).putShort((short) frames).flip();
            out.write(header);
            for (int f = 0; f < frames; f++) {
                frame.clear();
                frame.putShort((short) 40);
                for (int i = 0; i < LEDS * 3; i++) {
                    frame.put((byte) ((f * 7 + i) % 50)); // dim colours: valid, no current warning
                }
                frame.flip();
                while (frame.hasRemaining()) {
                    out.write(frame);
                }
            }
        }
        return frames;
    }

    private static long rawRead(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        long total = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                buffer.clear();
            }
        }
        return total;
    }

    private static long streamRead(Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        }
        return total;
    }

}
