package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.core.tests.TestSupport.assertFailsWith;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.ServiceRegistration;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.format.SizeRequiredException;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

/** The loader and the readers as the application gets them: DS services in a running framework. */
class PatternLoaderServiceTest {

    private static TestSupport.Tracked<PatternLoader> tracked;
    private static PatternLoader loader;

    @TempDir
    Path dir;

    @BeforeAll
    static void trackLoader() throws InterruptedException {
        tracked = TestSupport.track(PatternLoader.class);
        loader = tracked.service();
    }

    @AfterAll
    static void release() {
        tracked.close();
    }

    @Test
    void theShippedReadersAreRegisteredBestKnownFirst() {
        assertEquals(List.of("native", "leds", "raw-rgb"), loader.readers().stream().map(PatternReader::formatId).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "aurora_strip.bin,   native, 8,   6,   0,  0",
        "nebula_grid.bin,    native, 98,  11,  0,  0",
        "vortex_banner.bin,  native, 256, 16,  0,  0",
        "meteor_curtain.bin, native, 144, 12,  0,  0",
        "pulse_square.bin,   native, 100, 5,   0,  0",
        "matrix-12x6.leds,   leds,   72,  134, 12, 6",
        "raw-15x6-rows.bin,  raw-rgb, 90, 15,  15, 6",
    })
    void everySampleLoadsWithItsDimensions(String name, String format, int leds, int frames, int width, int height)
            throws Exception {
        Path file = TestSupport.sample(name);
        ReadOptions options = format.equals("raw-rgb") ? ReadOptions.ofMatrix(width, height) : ReadOptions.none();
        LoadedPattern loaded = loader.load(file, options);
        assertEquals(format, loaded.formatId());
        assertEquals(Files.size(file), loaded.fileSize());
        assertEquals(file, loaded.file());
        assertEquals(leds, loaded.pattern().ledCount());
        assertEquals(frames, loaded.pattern().frameCount());
        Optional<MatrixGeometry> expected = width == 0 ? Optional.empty() : Optional.of(MatrixGeometry.rows(width, height));
        assertEquals(expected, loaded.pattern().geometry());
    }

    @Test
    void rawSampleWithoutOptionsAsksForASizeWithGuessesAndAppliesNone() {
        SizeRequiredException failure = assertThrows(SizeRequiredException.class,
                () -> loader.load(TestSupport.sample("raw-15x6-rows.bin"), ReadOptions.none()));
        assertEquals(PatternError.RAW_SIZE_REQUIRED, failure.code());
        assertTrue(failure.guesses().size() >= 3, failure.guesses()::toString);
        var top = failure.guesses().subList(0, 3);
        assertTrue(top.stream().anyMatch(g -> g.width() == 15 && g.height() == 6 && g.frameCount() == 15), top::toString);
        assertEquals(4050L, failure.args()[1]);
        // Confirming the best guess is what the user does next: it reads the file with that layout.
        var fifteenBySix = failure.guesses().stream().filter(g -> g.width() == 15 && g.height() == 6).findFirst().orElseThrow();
        assertEquals(90, assertDoesNotFail(() -> loader.load(TestSupport.sample("raw-15x6-rows.bin"),
                fifteenBySix.toReadOptions())).pattern().ledCount());
    }

    @Test
    void aNullOptionsObjectMeansNoOptions() throws Exception {
        assertEquals(8, loader.load(TestSupport.sample("aurora_strip.bin"), null).pattern().ledCount());
        assertThrows(SizeRequiredException.class, () -> loader.load(TestSupport.sample("raw-15x6-rows.bin"), null));
    }

    @Test
    void emptyMissingAndUnknownFilesAreCatalogued() throws Exception {
        assertFailsWith(PatternError.EMPTY_FILE, () -> loader.load(Files.write(dir.resolve("e.bin"), new byte[0]), null));
        assertFailsWith(PatternError.FILE_NOT_FOUND, () -> loader.load(dir.resolve("missing.bin"), null));
        Path text = Files.writeString(dir.resolve("notes.txt"), "shopping list\n");
        UploadBridgeException unknown = assertFailsWith(PatternError.UNKNOWN_FORMAT, () -> loader.load(text, null));
        String extensions = (String) unknown.args()[1];
        for (String ext : List.of(".bin", ".dat", ".leds", ".rgb", ".raw", ".out", ".gled")) {
            assertTrue(extensions.contains(ext), extensions);
        }
    }

    @Test
    void aDirectoryIsAReadFailure() {
        assertFailsWith(PatternError.READ_FAILED, () -> loader.load(dir, null));
    }

    @Test
    void aNativeFileIsRecognisedByContentWhateverItsName() throws Exception {
        Path renamed = Files.copy(TestSupport.sample("pulse_square.bin"), dir.resolve("pulse.pattern"));
        LoadedPattern loaded = loader.load(renamed, null);
        assertEquals("native", loaded.formatId());
        assertEquals(100, loaded.pattern().ledCount());
    }

    @Test
    void readersComingAndGoingAreSeenAtRunTime() throws Exception {
        Path file = Files.write(dir.resolve("pattern.fake"), new byte[] {1, 2, 3});
        assertFailsWith(PatternError.UNKNOWN_FORMAT, () -> loader.load(file, null));
        ServiceRegistration<PatternReader> registration =
                TestSupport.coreContext().registerService(PatternReader.class, new FakeReader(Breakage.NONE), null);
        try {
            LoadedPattern loaded = loader.load(file, null);
            assertEquals("fake", loaded.formatId());
            assertEquals(1, loaded.pattern().ledCount());
            assertTrue(loader.readers().stream().anyMatch(r -> r.formatId().equals("fake")));
        } finally {
            registration.unregister();
        }
        assertFailsWith(PatternError.UNKNOWN_FORMAT, () -> loader.load(file, null));
    }

    @ParameterizedTest
    @EnumSource(value = Breakage.class, names = {"READ", "RECOGNIZE"})
    void aReaderBreakingItsContractIsReportedAsADefect(Breakage breakage) throws Exception {
        Path file = Files.write(dir.resolve("pattern.fake"), new byte[] {1, 2, 3});
        ServiceRegistration<PatternReader> registration =
                TestSupport.coreContext().registerService(PatternReader.class, new FakeReader(breakage), null);
        try {
            UploadBridgeException failure = assertFailsWith(PatternError.READER_FAILED, () -> loader.load(file, null));
            assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertEquals("fake", failure.args()[1]);
        } finally {
            registration.unregister();
        }
    }

    private static LoadedPattern assertDoesNotFail(ThrowingSupplier<LoadedPattern> action) {
        try {
            return action.get();
        } catch (UploadBridgeException e) {
            throw new AssertionError("unexpected " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws UploadBridgeException;
    }

    enum Breakage { NONE, READ, RECOGNIZE }

    /** A third-party reader: recognises .fake files with certainty, unless told to break. */
    private record FakeReader(Breakage breakage) implements PatternReader {
        @Override
        public String formatId() {
            return "fake";
        }

        @Override
        public String displayName() {
            return "Fake";
        }

        @Override
        public List<String> fileExtensions() {
            return List.of("fake");
        }

        @Override
        public Recognition recognize(Path file, long size, ByteBuffer head) {
            if (breakage == Breakage.RECOGNIZE) {
                throw new IllegalStateException("bug in a third-party reader");
            }
            return file.toString().endsWith(".fake") ? Recognition.YES : Recognition.NO;
        }

        @Override
        public Pattern read(Path file, ReadOptions options) {
            if (breakage == Breakage.READ) {
                throw new IllegalStateException("bug in a third-party reader");
            }
            return Pattern.of(1, new int[] {10}, new byte[] {1, 2, 3}, null);
        }
    }
}
