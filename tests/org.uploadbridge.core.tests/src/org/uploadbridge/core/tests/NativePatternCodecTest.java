package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.core.tests.TestSupport.assertFailsWith;
import static org.uploadbridge.core.tests.TestSupport.randomPattern;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativeHeader;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.internal.format.NativePatternReader;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

class NativePatternCodecTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"1, 1", "8, 6", "3, 700", "144, 12", "1000, 3", "65535, 2"})
    void encodeThenDecodeGivesTheSamePattern(int leds, int frames) throws Exception {
        Pattern original = randomPattern(new Random(leds * 31L + frames), leds, frames, null);
        byte[] bytes = NativePatternCodec.encode(original);
        assertEquals(Pattern.nativeSize(leds, frames), bytes.length);

        Path file = Files.write(dir.resolve("p.bin"), bytes);
        assertEquals(original, NativePatternCodec.decode(file));
        assertEquals(original, NativePatternCodec.decode(ByteBuffer.wrap(bytes), file, Long.MAX_VALUE));
    }

    @Test
    void aLargePatternReadInParallelRangesIsExactlyWhatWasWritten() throws Exception {
        // 25 MB: above the size at which the decoder splits the frames over several threads.
        Pattern large = randomPattern(new Random(42), 3_001, 2_800, null);
        Path file = dir.resolve("large.bin");
        NativePatternCodec.write(large, file);
        assertTrue(Files.size(file) > 16L << 20, "the file is large enough for the parallel read");
        assertEquals(large, NativePatternCodec.decode(file));
    }

    @Test
    void aLargeFileTruncatedInTheMiddleIsASizeMismatchNotAPartialPattern() throws Exception {
        Pattern large = randomPattern(new Random(43), 2_000, 3_000, null);
        Path file = dir.resolve("cut.bin");
        NativePatternCodec.write(large, file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertFailsWith(PatternError.SIZE_MISMATCH, () -> NativePatternCodec.decode(file));
    }

    @Test
    void encodingIsLittleEndianPerTheSpecification() throws Exception {
        Pattern pattern = Pattern.of(2, new int[] {0x1234, 7}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, null);
        byte[] expected = {2, 0, 2, 0, 0x34, 0x12, 1, 2, 3, 4, 5, 6, 7, 0, 7, 8, 9, 10, 11, 12};
        assertArrayEquals(expected, NativePatternCodec.encode(pattern));
    }

    @Test
    void encodingToAChannelGivesTheSameBytesAsInMemory() throws Exception {
        // Large enough to need several chunks of the channel encoder.
        Pattern pattern = randomPattern(new Random(5), 3000, 400, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NativePatternCodec.encode(pattern, Channels.newChannel(out));
        assertArrayEquals(NativePatternCodec.encode(pattern), out.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aurora_strip.bin", "nebula_grid.bin", "vortex_banner.bin", "meteor_curtain.bin", "pulse_square.bin"})
    void everyNativeSampleReEncodesByteForByte(String name) throws Exception {
        Path sample = TestSupport.sample(name);
        Pattern pattern = NativePatternCodec.decode(sample);
        assertArrayEquals(Files.readAllBytes(sample), NativePatternCodec.encode(pattern));

        Path copy = dir.resolve(name);
        NativePatternCodec.write(pattern, copy);
        assertArrayEquals(Files.readAllBytes(sample), Files.readAllBytes(copy));
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws Exception {
        assertFailsWith(PatternError.EMPTY_FILE, () -> NativePatternCodec.decode(Files.write(dir.resolve("e.bin"), new byte[0])));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void filesShorterThanTheHeaderAreTooSmall(int length) throws Exception {
        Path file = Files.write(dir.resolve("short.bin"), new byte[length]);
        UploadBridgeException failure = assertFailsWith(PatternError.TOO_SMALL_FOR_HEADER, () -> NativePatternCodec.decode(file));
        assertEquals((long) length, failure.args()[1]);
    }

    @Test
    void sixByteFileClaimingTheLargestPatternIsASizeMismatchNotAnAllocation() throws Exception {
        Path file = Files.write(dir.resolve("hostile.bin"), new byte[] {-1, -1, -1, -1, 0, 0});
        // With a 1-byte pixel limit, an allocation attempt would have shown up as UB-P006.
        UploadBridgeException failure = assertFailsWith(PatternError.SIZE_MISMATCH, () -> NativePatternCodec.decode(file, 1));
        assertEquals(Pattern.nativeSize(65535, 65535), failure.args()[1]);
        assertEquals(6L, failure.args()[2]);
        assertEquals(65535, failure.args()[3]);
        assertEquals(65535, failure.args()[4]);
    }

    @Test
    void zeroLedsAndZeroFramesAreRejectedByName() throws Exception {
        Path noLeds = Files.write(dir.resolve("a.bin"), header(0, 1, 6));
        assertFailsWith(PatternError.INVALID_LED_COUNT, () -> NativePatternCodec.decode(noLeds));
        Path noFrames = Files.write(dir.resolve("b.bin"), header(5, 0, 4));
        assertFailsWith(PatternError.NO_FRAMES, () -> NativePatternCodec.decode(noFrames));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, -26})
    void aSampleCutShortOrExtendedIsASizeMismatch(int delta) throws Exception {
        byte[] sample = Files.readAllBytes(TestSupport.sample("aurora_strip.bin"));
        Path file = Files.write(dir.resolve("changed.bin"), Arrays.copyOf(sample, sample.length + delta));
        UploadBridgeException failure = assertFailsWith(PatternError.SIZE_MISMATCH, () -> NativePatternCodec.decode(file));
        assertEquals((long) sample.length, failure.args()[1]);
        assertEquals((long) sample.length + delta, failure.args()[2]);
    }

    @Test
    void patternBeyondJavaArraysIsRefusedWithoutAllocating() throws Exception {
        // A sparse file of the exact size 65535 LEDs x 65535 frames needs: consistent, but 12.9 GB of pixels.
        Path file = dir.resolve("huge.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header(65535, 65535, 0));
            raf.setLength(Pattern.nativeSize(65535, 65535));
        }
        UploadBridgeException failure = assertFailsWith(PatternError.TOO_LARGE_FOR_MEMORY, () -> NativePatternCodec.decode(file));
        assertEquals(65535L * 65535 * 3, failure.args()[1]);
        assertEquals(NativePatternCodec.MAX_PIXEL_BYTES, failure.args()[2]);
    }

    @Test
    void patternBeyondTheHeapIsRefusedBeforeAllocating() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        long frames = heap / (65535L * 3) + 1;
        Assumptions.assumeTrue(frames <= Pattern.MAX_FRAMES && frames * 65535 * 3 <= NativePatternCodec.MAX_PIXEL_BYTES,
                "the heap is too large to exceed with one pattern");
        Path file = dir.resolve("heap.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header(65535, (int) frames, 0));
            raf.setLength(Pattern.nativeSize(65535, frames));
        }
        UploadBridgeException failure = assertFailsWith(PatternError.TOO_LARGE_FOR_MEMORY, () -> NativePatternCodec.decode(file));
        assertEquals(heap, failure.args()[2]);
    }

    @Test
    void configurableCapOfTheReaderApplies() throws Exception {
        Path sample = TestSupport.sample("aurora_strip.bin"); // 8 LEDs x 6 frames = 144 pixel bytes
        assertEquals(8, new NativePatternReader(Map.of("maxPixelBytes", 144L)).read(sample, null).ledCount());
        UploadBridgeException failure = assertFailsWith(PatternError.TOO_LARGE_FOR_MEMORY,
                () -> new NativePatternReader(Map.of("maxPixelBytes", "143")).read(sample, null));
        assertEquals(144L, failure.args()[1]);
        assertEquals(143L, failure.args()[2]);
    }

    @Test
    void missingFileIsCatalogued() {
        assertFailsWith(PatternError.FILE_NOT_FOUND, () -> NativePatternCodec.decode(dir.resolve("nope.bin")));
    }

    @Test
    void headerRecognitionNeedsTheExactSize() {
        ByteBuffer head = ByteBuffer.wrap(header(8, 6, 0));
        NativeHeader header = NativeHeader.parse(head).orElseThrow();
        assertEquals(new NativeHeader(8, 6), header);
        assertEquals(160, header.expectedFileSize());
        assertTrue(header.matches(160));
        assertTrue(!header.matches(159) && !header.matches(161));
        assertTrue(NativeHeader.parse(ByteBuffer.wrap(new byte[3])).isEmpty());
        assertEquals(0, head.position(), "parse must not consume the buffer");
    }

    @Test
    void geometryRoundTripsThroughTheSidecar() throws Exception {
        Random random = new Random(11);
        for (MatrixGeometry.Order order : MatrixGeometry.Order.values()) {
            for (MatrixGeometry.Corner corner : MatrixGeometry.Corner.values()) {
                MatrixGeometry geometry = new MatrixGeometry(16, 8, order, random.nextBoolean(), corner);
                Pattern pattern = randomPattern(random, 128, 3, geometry);
                Path file = dir.resolve("g-" + order + "-" + corner + ".bin");
                NativePatternCodec.write(pattern, file);
                assertTrue(Files.isRegularFile(NativePatternCodec.geometryFileOf(file)));
                assertEquals(pattern, NativePatternCodec.decode(file));
                assertEquals(geometry, NativePatternCodec.decode(file).geometry().orElseThrow());
            }
        }
    }

    @Test
    void writingWithoutGeometryDeletesAStaleSidecar() throws Exception {
        Path file = dir.resolve("strip.bin");
        Pattern matrix = randomPattern(new Random(2), 64, 2, MatrixGeometry.rows(8, 8));
        NativePatternCodec.write(matrix, file);
        NativePatternCodec.write(matrix.withGeometry(null), file);
        assertTrue(Files.notExists(NativePatternCodec.geometryFileOf(file)));
        assertTrue(NativePatternCodec.decode(file).geometry().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "height=8\norder=ROW_MAJOR\nserpentine=false\norigin=TOP_LEFT\n",
        "width=eight\nheight=8\norder=ROW_MAJOR\nserpentine=false\norigin=TOP_LEFT\n",
        "width=8\nheight=8\norder=DIAGONAL\nserpentine=false\norigin=TOP_LEFT\n",
        "width=8\nheight=8\norder=ROW_MAJOR\nserpentine=maybe\norigin=TOP_LEFT\n",
        "width=8\nheight=8\norder=ROW_MAJOR\nserpentine=false\norigin=MIDDLE\n",
        "width=4\nheight=4\norder=ROW_MAJOR\nserpentine=false\norigin=TOP_LEFT\n",
        "width=0\nheight=64\norder=ROW_MAJOR\nserpentine=false\norigin=TOP_LEFT\n",
        "width=\\u12\n",
    })
    void aDamagedSidecarIsReportedNotIgnored(String sidecar) throws Exception {
        Path file = dir.resolve("m.bin");
        NativePatternCodec.write(randomPattern(new Random(3), 64, 2, MatrixGeometry.rows(8, 8)), file);
        Files.writeString(NativePatternCodec.geometryFileOf(file), sidecar);
        UploadBridgeException failure = assertFailsWith(PatternError.BAD_GEOMETRY_FILE, () -> NativePatternCodec.decode(file));
        assertEquals(NativePatternCodec.geometryFileOf(file), failure.args()[0]);
    }

    @Test
    void anOversizedSidecarIsReportedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("m.bin");
        NativePatternCodec.write(randomPattern(new Random(3), 64, 2, null), file);
        Files.write(NativePatternCodec.geometryFileOf(file), new byte[100_000]);
        assertFailsWith(PatternError.BAD_GEOMETRY_FILE, () -> NativePatternCodec.decode(file));
    }

    static byte[] header(int leds, int frames, int extraBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + extraBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) leds).putShort((short) frames);
        return buffer.array();
    }
}
