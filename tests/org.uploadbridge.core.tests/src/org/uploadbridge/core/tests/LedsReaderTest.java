package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uploadbridge.core.tests.TestSupport.assertFailsWith;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternReader.Recognition;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.internal.format.LedsPatternReader;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

class LedsReaderTest {

    private static final String HEADER = "{header\n1:0\nw:\nx:\nz:0\n?:0,1\n%:1\n}\n";
    private static final String COLOURS = "{colours\nc:0\nc:255\nl:16777215\n}\n";

    private final LedsPatternReader reader = new LedsPatternReader(Map.of());

    @TempDir
    Path dir;

    private Path leds(String text) throws Exception {
        return Files.writeString(dir.resolve("test.leds"), text, StandardCharsets.ISO_8859_1);
    }

    private static String frame(int w, int h, String... rows) {
        StringBuilder text = new StringBuilder("{anim4\nw:" + w + "\nh:" + h + "\n");
        for (String row : rows) {
            text.append("r:").append(row).append(" \n");
        }
        return text.append("p:0\n}\n").toString();
    }

    @Test
    void theSampleReadsAs12By6With134Frames() throws Exception {
        Pattern pattern = reader.read(TestSupport.sample("matrix-12x6.leds"), ReadOptions.none());
        assertEquals(72, pattern.ledCount());
        assertEquals(134, pattern.frameCount());
        assertEquals(MatrixGeometry.rows(12, 6), pattern.geometry().orElseThrow());
        assertEquals(LedsPatternReader.DEFAULT_FRAME_DELAY_MS, pattern.frameDelayMs(0));
        // First row of frame 1 in the file: FF0000 FF0000 FF0000 00FFFF ... (Windows BGR: FF0000 is blue).
        assertEquals(0x0000FF, pattern.rgb(0, 0));
        assertEquals(0xFFFF00, pattern.rgb(0, 3));
    }

    @Test
    void coloursAreWindowsBgrAndRowsAreRowMajorFromTopLeft() throws Exception {
        Path file = leds(HEADER + COLOURS + "[layer\nn:Bottom layer\nw:3\nh:2\nl:0\n]\n"
                + frame(3, 2, "0000FF 00FF00 FF0000", "123456 ABCDEF abcdef")
                + frame(3, 2, "000000 000000 000000", "000000 000000 FFFFFF")
                + "{deadpixel\np:0 0 0\np:0 0 0\n}\n");
        Pattern pattern = reader.read(file, ReadOptions.none().withFrameDelayMs(40));
        assertEquals(6, pattern.ledCount());
        assertEquals(2, pattern.frameCount());
        assertEquals(MatrixGeometry.rows(3, 2), pattern.geometry().orElseThrow());
        assertEquals(0xFF0000, pattern.rgb(0, 0), "0000FF is red in LED Matrix Studio");
        assertEquals(0x00FF00, pattern.rgb(0, 1));
        assertEquals(0x0000FF, pattern.rgb(0, 2));
        assertEquals(0x563412, pattern.rgb(0, 3));
        assertEquals(0xEFCDAB, pattern.rgb(0, 4));
        assertEquals(0xEFCDAB, pattern.rgb(0, 5));
        assertEquals(0xFFFFFF, pattern.rgb(1, 5));
        assertEquals(0, pattern.rgb(1, 4));
        assertEquals(40, pattern.frameDelayMs(1));
    }

    @Test
    void olderFilesWithoutLayerAndColourSectionsRead() throws Exception {
        Path file = leds("{header\na:0\nx:\nz:0\n}\r\n" + frame(2, 1, "000001 000002").replace("\n", "\r\n"));
        Pattern pattern = reader.read(file, null);
        assertEquals(2, pattern.ledCount());
        assertEquals(0x010000, pattern.rgb(0, 0));
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path file = leds("\u00EF\u00BB\u00BF" + HEADER + frame(1, 1, "FFFFFF"));
        assertEquals(0xFFFFFF, reader.read(file, null).rgb(0, 0));
        ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(file));
        assertEquals(Recognition.YES, reader.recognize(dir.resolve("renamed.txt"), head.remaining(), head));
    }

    @Test
    void upperLayersCoverLowerOnesExceptTheirBackgroundColour() throws Exception {
        Path file = leds(HEADER.replace("%:1", "%:2")
                + "[layer\nn:Bottom\n]\n" + frame(2, 1, "0000FF 0000FF")
                + "[layer\nn:Top\n]\n" + frame(2, 1, "000000 00FF00"));
        Pattern pattern = reader.read(file, null);
        assertEquals(0xFF0000, pattern.rgb(0, 0), "background (z:0) of the top layer is transparent");
        assertEquals(0x00FF00, pattern.rgb(0, 1));
    }

    @Test
    void layersWithDifferentFrameCountsAreGarbled() throws Exception {
        Path file = leds(HEADER + "[layer\n]\n" + frame(1, 1, "000000") + frame(1, 1, "000000")
                + "[layer\n]\n" + frame(1, 1, "000000"));
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(file, null));
    }

    @Test
    void missingSectionsAreNamed() throws Exception {
        UploadBridgeException noHeader = assertFailsWith(PatternError.LEDS_MISSING_SECTION,
                () -> reader.read(leds(COLOURS + frame(1, 1, "000000")), null));
        assertEquals("{header", noHeader.args()[1]);
        UploadBridgeException noFrames = assertFailsWith(PatternError.LEDS_MISSING_SECTION,
                () -> reader.read(leds(HEADER + COLOURS + "{deadpixel\np:0\n}\n"), null));
        assertEquals("{anim4", noFrames.args()[1]);
    }

    @Test
    void aBadHexColourIsReportedWithItsLine() throws Exception {
        // Lines 1-8 header, 9 {anim4, 10 w, 11 h, 12 first row, 13 second row.
        Path file = leds(HEADER + frame(2, 2, "000000 00FF00", "00FF00 00GG00"));
        UploadBridgeException failure = assertFailsWith(PatternError.BAD_HEX_COLOUR, () -> reader.read(file, null));
        assertEquals(13, failure.args()[1]);
        assertEquals("00GG00", failure.args()[2]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FFF 000000 | 12",
        "0000000 000000 | 12",
        "0x00FF 000000 | 12",
    })
    void colourTokensMustBeSixHexDigits(String row, int line) throws Exception {
        Path file = leds(HEADER + frame(2, 1, row));
        UploadBridgeException failure = assertFailsWith(PatternError.BAD_HEX_COLOUR, () -> reader.read(file, null));
        assertEquals(line, failure.args()[1]);
    }

    @Test
    void rowsAndFramesMustMatchTheirSizes() throws Exception {
        assertFailsWith(PatternError.INCONSISTENT_FRAME_SIZE, () -> reader.read(leds(HEADER + frame(3, 1, "000000 000000")), null));
        assertFailsWith(PatternError.INCONSISTENT_FRAME_SIZE,
                () -> reader.read(leds(HEADER + frame(1, 1, "000000 000000")), null));
        assertFailsWith(PatternError.INCONSISTENT_FRAME_SIZE, () -> reader.read(leds(HEADER + frame(1, 2, "000000")), null));
        assertFailsWith(PatternError.INCONSISTENT_FRAME_SIZE,
                () -> reader.read(leds(HEADER + frame(1, 1, "000000", "000000")), null));
        UploadBridgeException mixed = assertFailsWith(PatternError.INCONSISTENT_FRAME_SIZE,
                () -> reader.read(leds(HEADER + frame(2, 1, "000000 000000") + frame(1, 2, "000000", "000000")), null));
        assertEquals(18, mixed.args()[1]); // the first row of the second frame
    }

    @Test
    void structuralDamageIsGarbledWithALine() throws Exception {
        UploadBridgeException unclosed = assertFailsWith(PatternError.LEDS_GARBLED,
                () -> reader.read(leds(HEADER + "{anim4\nw:1\nh:1\nr:000000\n"), null));
        assertEquals(12, unclosed.args()[1]);
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds(HEADER + "hello\n" + frame(1, 1, "000000")), null));
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds("{header\n1:0\n" + frame(1, 1, "000000")), null));
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds(HEADER + "{anim4\nr:000000\n}\n"), null));
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds(HEADER + "{anim4\nw:1\nh:1\n}\n"), null));
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds(HEADER + "{anim4\nw:x\nh:1\nr:000000\n}\n"), null));
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds(HEADER + "{anim4\nw:1\nh:1\nr:000000\n]\n"), null));
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds(HEADER + "{anim4\nwidth 1\n}\n"), null));
    }

    @Test
    void monoAndBiColourAnimationsAreNotSupported() throws Exception {
        UploadBridgeException failure = assertFailsWith(PatternError.LEDS_UNSUPPORTED_COLOUR_MODE,
                () -> reader.read(leds(HEADER + "{anim2\nw:1\nh:1\nr:1\n}\n"), null));
        assertEquals("anim2", failure.args()[2]);
    }

    @Test
    void aFrameLargerThanTheFileCouldDescribeIsRefusedBeforeAllocating() throws Exception {
        Path file = leds(HEADER + "{anim4\nw:255\nh:257\nr:000000\n}\n");
        UploadBridgeException failure = assertFailsWith(PatternError.TOO_LARGE_FOR_MEMORY, () -> reader.read(file, null));
        assertEquals(255L * 257 * 3, failure.args()[1]);
        assertEquals(Files.size(file), failure.args()[2]);
    }

    @Test
    void aMatrixOfMoreThan65535LedsIsInvalid() throws Exception {
        assertFailsWith(PatternError.INVALID_LED_COUNT, () -> reader.read(leds(HEADER + "{anim4\nw:300\nh:300\nr:000000\n}\n"), null));
    }

    @Test
    void aLineWithoutEndIsCutOffNotBuffered() throws Exception {
        String endless = HEADER + "{anim4\nw:1\nh:1\nr:" + "0".repeat(2 << 20);
        assertFailsWith(PatternError.LEDS_GARBLED, () -> reader.read(leds(endless), null));
    }

    @Test
    void theDefaultDelayIsDocumentedAndOverridable() throws Exception {
        Path file = leds(HEADER + frame(1, 1, "000000") + frame(1, 1, "000000"));
        assertEquals(100, LedsPatternReader.DEFAULT_FRAME_DELAY_MS);
        assertEquals(100, reader.read(file, null).frameDelayMs(1));
        assertEquals(0, reader.read(file, ReadOptions.none().withFrameDelayMs(0)).frameDelayMs(1));
        assertFailsWith(PatternError.INVALID_READ_OPTIONS, () -> reader.read(file, ReadOptions.none().withFrameDelayMs(65536)));
        assertEquals(2, IntStream.of(reader.read(file, null).frameDelaysMs()).count());
    }

    @ParameterizedTest
    @CsvSource({"x.leds, '{header', YES", "x.leds, '  {header', YES", "x.leds, 'hello', MAYBE", "x.txt, '{header', YES",
        "x.txt, 'hello', NO", "x.bin, '', NO"})
    void recognisesTheHeaderOrTheExtension(String name, String start, Recognition expected) {
        ByteBuffer head = ByteBuffer.wrap(start.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(expected, reader.recognize(dir.resolve(name), head.remaining(), head));
    }
}
