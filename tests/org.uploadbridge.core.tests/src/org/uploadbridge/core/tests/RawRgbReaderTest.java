package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.core.tests.TestSupport.assertFailsWith;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternReader.Recognition;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.format.SizeGuess;
import org.uploadbridge.core.format.SizeRequiredException;
import org.uploadbridge.core.internal.format.RawRgbPatternReader;
import org.uploadbridge.core.internal.format.RawSizeGuesser;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

class RawRgbReaderTest {

    private final RawRgbPatternReader reader = new RawRgbPatternReader(Map.of());

    @TempDir
    Path dir;

    @Test
    void sampleOf4050BytesRanks15By6By15NearTheTop() {
        List<SizeGuess> guesses = RawSizeGuesser.guess(4050);
        int rank = rankOf(guesses, 15, 6, 15);
        assertTrue(rank >= 1 && rank <= 2, "15 x 6 x 15 ranked " + rank + " in " + guesses);
    }

    @Test
    void file3888BytesRanks12By6By18FirstOrSecond() {
        List<SizeGuess> guesses = RawSizeGuesser.guess(3888);
        int rank = rankOf(guesses, 12, 6, 18);
        assertTrue(rank >= 1 && rank <= 2, "12 x 6 x 18 ranked " + rank + " in " + guesses);
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4050, 3888, 3072, 12288, 2_764_800, 209_715_198})
    void everyGuessFitsTheFileExactlyAndRanksAreConsecutive(long size) {
        List<SizeGuess> guesses = RawSizeGuesser.guess(size);
        assertTrue(!guesses.isEmpty());
        for (int i = 0; i < guesses.size(); i++) {
            SizeGuess guess = guesses.get(i);
            assertEquals(i + 1, guess.rank());
            assertEquals(size, (long) guess.width() * guess.height() * guess.frameCount() * 3, guess::toString);
            assertTrue(guess.ledCount() <= Pattern.MAX_LEDS && guess.frameCount() <= Pattern.MAX_FRAMES, guess::toString);
            assertTrue(!guess.reason().isBlank());
        }
        assertEquals(guesses.size(), guesses.stream().map(g -> List.of(g.width(), g.height())).distinct().count(),
                "each layout once");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 4, 4051})
    void sizesThatAreNoWholeNumberOfColoursHaveNoGuesses(long size) {
        assertEquals(List.of(), RawSizeGuesser.guess(size));
    }

    @Test
    void withoutOptionsNothingIsAppliedAndTheGuessesAreOffered() throws Exception {
        Path file = Files.write(dir.resolve("clip.rgb"), new byte[3888]);
        SizeRequiredException failure = assertThrows(SizeRequiredException.class, () -> reader.read(file, ReadOptions.none()));
        assertEquals(PatternError.RAW_SIZE_REQUIRED, failure.code());
        assertEquals(RawSizeGuesser.guess(3888), failure.guesses());
        assertTrue(failure.getMessage().contains("12 x 6 x 18 frames"), failure.getMessage());
        assertThrows(SizeRequiredException.class, () -> reader.read(file, null));
    }

    @Test
    void matrixOptionsReadRowsOfFramesWithTheDefaultDelay() throws Exception {
        byte[] bytes = new byte[15 * 6 * 3 * 15];
        new Random(9).nextBytes(bytes);
        Path file = Files.write(dir.resolve("clip.raw"), bytes);
        Pattern pattern = reader.read(file, ReadOptions.ofMatrix(15, 6));
        assertEquals(90, pattern.ledCount());
        assertEquals(15, pattern.frameCount());
        assertEquals(MatrixGeometry.rows(15, 6), pattern.geometry().orElseThrow());
        assertTrue(IntStream.of(pattern.frameDelaysMs()).allMatch(d -> d == RawRgbPatternReader.DEFAULT_FRAME_DELAY_MS));
        assertEquals(50, RawRgbPatternReader.DEFAULT_FRAME_DELAY_MS);
        byte[] read = new byte[bytes.length];
        pattern.pixelData().get(read);
        assertArrayEquals(bytes, read);
        int last = (14 * 90 + 89) * 3;
        assertEquals((bytes[last] & 0xFF) << 16 | (bytes[last + 1] & 0xFF) << 8 | bytes[last + 2] & 0xFF, pattern.rgb(14, 89));
    }

    @Test
    void ledCountAndDelayOptionsApplyToAStrip() throws Exception {
        Path file = Files.write(dir.resolve("strip.out"), new byte[30 * 3 * 7]);
        Pattern pattern = reader.read(file, ReadOptions.ofLeds(30).withFrameDelayMs(33));
        assertEquals(30, pattern.ledCount());
        assertEquals(7, pattern.frameCount());
        assertEquals(33, pattern.frameDelayMs(6));
        assertTrue(pattern.geometry().isEmpty());
    }

    @Test
    void aSizeThatDoesNotDivideTheFileIsReported() throws Exception {
        Path file = Files.write(dir.resolve("clip.rgb"), new byte[4050]);
        UploadBridgeException failure = assertFailsWith(PatternError.RAW_SIZE_NOT_DIVISIBLE,
                () -> reader.read(file, ReadOptions.ofMatrix(12, 6)));
        assertEquals(4050L, failure.args()[1]);
        assertEquals(72, failure.args()[2]);
        assertEquals(216L, failure.args()[3]);
    }

    @ParameterizedTest
    @CsvSource({"0", "-5", "65536", "200000"})
    void impossibleLedCountsAreRejected(int leds) throws Exception {
        Path file = Files.write(dir.resolve("clip.rgb"), new byte[300]);
        assertFailsWith(PatternError.INVALID_LED_COUNT, () -> reader.read(file, ReadOptions.ofLeds(leds)));
    }

    @Test
    void tooManyFramesAreRejected() throws Exception {
        Path file = Files.write(dir.resolve("long.rgb"), new byte[3 * (Pattern.MAX_FRAMES + 1)]);
        UploadBridgeException failure = assertFailsWith(PatternError.TOO_MANY_FRAMES, () -> reader.read(file, ReadOptions.ofLeds(1)));
        assertEquals((long) Pattern.MAX_FRAMES + 1, failure.args()[1]);
    }

    @Test
    void contradictoryOrOutOfRangeOptionsAreRejected() throws Exception {
        Path file = Files.write(dir.resolve("clip.rgb"), new byte[216]);
        ReadOptions disagree = new ReadOptions(java.util.OptionalInt.of(10), java.util.Optional.of(MatrixGeometry.rows(12, 6)),
                java.util.OptionalInt.empty());
        assertFailsWith(PatternError.INVALID_READ_OPTIONS, () -> reader.read(file, disagree));
        assertFailsWith(PatternError.INVALID_READ_OPTIONS, () -> reader.read(file, ReadOptions.ofLeds(72).withFrameDelayMs(-1)));
        assertFailsWith(PatternError.INVALID_READ_OPTIONS, () -> reader.read(file, ReadOptions.ofLeds(72).withFrameDelayMs(70000)));
    }

    @Test
    void emptyAndMissingFilesAreCatalogued() throws Exception {
        assertFailsWith(PatternError.EMPTY_FILE, () -> reader.read(Files.write(dir.resolve("e.rgb"), new byte[0]), ReadOptions.ofLeds(1)));
        assertFailsWith(PatternError.FILE_NOT_FOUND, () -> reader.read(dir.resolve("none.rgb"), ReadOptions.ofLeds(1)));
    }

    @ParameterizedTest
    @CsvSource({
        "a.rgb, 30, MAYBE", "a.RAW, 30, MAYBE", "a.out, 3, MAYBE", "a.gled, 9, MAYBE", "a.bin, 4050, MAYBE",
        "a.rgb, 31, NO", "a.rgb, 0, NO", "a.txt, 30, NO", "rgb, 30, NO",
    })
    void recognisesItsExtensionsWhenTheSizeIsWholeColours(String name, long size, Recognition expected) {
        assertEquals(expected, reader.recognize(dir.resolve(name), size, ByteBuffer.allocate(0)));
    }

    private static int rankOf(List<SizeGuess> guesses, int width, int height, int frames) {
        return guesses.stream().filter(g -> g.width() == width && g.height() == height && g.frameCount() == frames)
                .mapToInt(SizeGuess::rank).findFirst().orElse(-1);
    }
}
