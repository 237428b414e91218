package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.core.tests.TestSupport.fileNames;
import static org.uploadbridge.core.tests.TestSupport.assertFailsWith;
import static org.uploadbridge.core.tests.TestSupport.randomPattern;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.io.AtomicFiles;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

class AtomicWriteTest {

    @TempDir
    Path dir;

    @Test
    void concurrentReadersSeeOnlyTheOldOrTheNewContent() throws Exception {
        Path file = dir.resolve("show.bin");
        // Different sizes, so a torn or partial file can never equal either one.
        Pattern first = randomPattern(new Random(1), 300, 40, null);
        Pattern second = randomPattern(new Random(2), 200, 90, null);
        byte[] firstBytes = NativePatternCodec.encode(first);
        byte[] secondBytes = NativePatternCodec.encode(second);
        NativePatternCodec.write(first, file);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reader = executor.submit(() -> {
                int reads = 0;
                while (writing.get() || reads == 0) {
                    byte[] seen = Files.readAllBytes(file); // NoSuchFileException here would fail the test
                    if (!java.util.Arrays.equals(seen, firstBytes) && !java.util.Arrays.equals(seen, secondBytes)) {
                        throw new AssertionError("read " + seen.length + " bytes matching neither version");
                    }
                    reads++;
                }
                return reads;
            });
            Future<?> writer = executor.submit(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        NativePatternCodec.write(i % 2 == 0 ? second : first, file);
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            executor.shutdownNow();
        }
        assertArrayEquals(firstBytes, Files.readAllBytes(file)); // the 40th write (i = 39) wrote `first`
        assertEquals(List.of("show.bin"), fileNames(dir), "no temporary files may stay behind");
    }

    @Test
    void aFailingWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("keep.bin");
        Files.write(file, new byte[] {1, 2, 3});
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(file, channel -> {
            channel.write(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9}));
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", failure.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertEquals(List.of("keep.bin"), fileNames(dir));
    }

    @Test
    void writingOverADirectoryFailsCataloguedAndCleansUp() throws Exception {
        Path target = Files.createDirectory(dir.resolve("taken.bin"));
        Files.write(target.resolve("inside.txt"), new byte[] {1});
        assertFailsWith(PatternError.WRITE_FAILED,
                () -> NativePatternCodec.write(randomPattern(new Random(4), 10, 2, null), target));
        assertTrue(Files.isRegularFile(target.resolve("inside.txt")));
        assertEquals(List.of("taken.bin"), fileNames(dir));
    }

    @Test
    void writingIntoAMissingDirectoryIsCatalogued() {
        Path target = dir.resolve("missing").resolve("p.bin");
        var failure = assertFailsWith(PatternError.WRITE_FAILED,
                () -> NativePatternCodec.write(randomPattern(new Random(4), 10, 2, null), target));
        assertTrue(failure.getCause() instanceof NoSuchFileException, String.valueOf(failure.getCause()));
    }

    @Test
    void patternAndSidecarAreBothReplacedWithoutLeftovers() throws Exception {
        Path file = dir.resolve("matrix.bin");
        NativePatternCodec.write(randomPattern(new Random(5), 64, 3, MatrixGeometry.rows(8, 8)), file);
        Pattern replacement = randomPattern(new Random(6), 64, 5,
                new MatrixGeometry(16, 4, MatrixGeometry.Order.COLUMN_MAJOR, true, MatrixGeometry.Corner.BOTTOM_RIGHT));
        NativePatternCodec.write(replacement, file);
        assertEquals(replacement, NativePatternCodec.decode(file));
        assertEquals(List.of("matrix.bin", "matrix.bin.geometry"), fileNames(dir));
    }
}
