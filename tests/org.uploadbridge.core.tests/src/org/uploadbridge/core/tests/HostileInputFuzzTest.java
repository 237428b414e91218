package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.internal.format.LedsPatternReader;
import org.uploadbridge.core.internal.format.NativePatternReader;
import org.uploadbridge.core.internal.format.RawRgbPatternReader;

/**
 * Random, truncated and mutated files through every reader and the loader: each either reads or
 * fails with a catalogued {@link PatternError}; nothing else may escape. Fixed seeds, so a failure
 * reproduces; the message names the seed and the case.
 */
class HostileInputFuzzTest {

    private static final String[] NAMES = {"x.bin", "x.dat", "x.rgb", "x.raw", "x.out", "x.gled", "x.leds", "x.txt"};
    private static final String[] LEDS_TOKENS = {
        "{header\n", "{anim4\n", "{colours\n", "[layer\n", "{deadpixel\n", "{anim2\n", "}\n", "]\n", "w:3\n", "h:2\n",
        "w:0\n", "h:65535\n", "w:-1\n", "r:", "FF00AA ", "00GG00 ", "0000000 ", "\n", "p:0\n", "z:", "123\n", "c:255\n",
        "\r\n", "  ", "x:", "\u00EF\u00BB\u00BF", "{", "[", ":", "w:256\nh:256\n",
    };

    private static TestSupport.Tracked<PatternLoader> tracked;
    private static List<PatternReader> readers;

    @TempDir
    Path dir;

    private final Map<PatternError, Integer> seenCodes = new EnumMap<>(PatternError.class);
    private int successes;

    @BeforeAll
    static void setUp() throws InterruptedException {
        tracked = TestSupport.track(PatternLoader.class);
        readers = List.of(new NativePatternReader(Map.of()), new RawRgbPatternReader(Map.of()), new LedsPatternReader(Map.of()),
                new NativePatternReader(Map.of("maxPixelBytes", 1000)), new LedsPatternReader(Map.of("maxPixelBytes", 64)));
    }

    @AfterAll
    static void tearDown() {
        tracked.close();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 20261128, 0xC0FFEE})
    void randomFilesOnlyEverFailCatalogued(long seed) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < 250; i++) {
            byte[] content = switch (random.nextInt(4)) {
                case 0 -> randomBytes(random, random.nextInt(random.nextBoolean() ? 16 : 3000));
                case 1 -> plausibleNative(random);
                default -> ledsSoup(random);
            };
            Path file = Files.write(dir.resolve(NAMES[random.nextInt(NAMES.length)]), content);
            exercise(file, randomOptions(random), "seed " + seed + " case " + i);
            Files.delete(file);
        }
        assertTrue(seenCodes.size() >= 6, "the fuzzer should reach many error codes, reached " + seenCodes);
        assertTrue(successes > 0, "the fuzzer should also produce readable files");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aurora_strip.bin", "pulse_square.bin", "raw-15x6-rows.bin", "matrix-12x6.leds"})
    void everyTruncationOfASampleFailsCatalogued(String name) throws Exception {
        byte[] sample = Files.readAllBytes(TestSupport.sample(name));
        int step = Math.max(1, sample.length / 250);
        for (int length = 0; length < sample.length; length += length < 200 ? 1 : step) {
            Path file = Files.write(dir.resolve(name), Arrays.copyOf(sample, length));
            exercise(file, ReadOptions.none(), name + " cut to " + length);
            exercise(file, ReadOptions.ofMatrix(15, 6), name + " cut to " + length + " as 15 x 6");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nebula_grid.bin", "matrix-12x6.leds"})
    void mutatedSamplesFailCatalogued(String name) throws Exception {
        byte[] sample = Files.readAllBytes(TestSupport.sample(name));
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 150; i++) {
            byte[] mutant = sample.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
            }
            Path file = Files.write(dir.resolve(name), mutant);
            exercise(file, ReadOptions.none(), name + " mutant " + i);
        }
    }

    @Test
    void theWorstHeadersFailCatalogued() throws Exception {
        for (byte[] content : List.of(new byte[] {-1, -1, -1, -1}, new byte[] {-1, -1, -1, -1, 0, 0}, new byte[] {0, 0, 0, 0},
                new byte[] {1, 0, 0, 0, 0}, new byte[] {0, 0, 1, 0, 0, 0}, new byte[] {-1}, new byte[] {-1, -1})) {
            Path file = Files.write(dir.resolve("worst.bin"), content);
            exercise(file, ReadOptions.none(), "header " + Arrays.toString(content));
            exercise(file, ReadOptions.ofLeds(65535), "header " + Arrays.toString(content) + " as 65535 LEDs");
        }
    }

    private void exercise(Path file, ReadOptions options, String what) throws Exception {
        long size = Files.size(file);
        ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(file), 0, (int) Math.min(size, 4096)).asReadOnlyBuffer();
        for (PatternReader reader : readers) {
            try {
                assertNotNull(reader.recognize(file, size, head.duplicate()), what);
            } catch (RuntimeException e) {
                throw new AssertionError(reader.formatId() + " recognize threw on " + what, e);
            }
            attempt(() -> reader.read(file, options), reader.formatId() + " on " + what);
        }
        attempt(() -> tracked.service().load(file, options), "loader on " + what);
    }

    private void attempt(Action action, String what) {
        try {
            action.run();
            successes++;
        } catch (UploadBridgeException e) {
            PatternError code = assertInstanceOf(PatternError.class, e.code(), what);
            assertNotNull(e.detail(), what);
            seenCodes.merge(code, 1, Integer::sum);
        } catch (Throwable e) {
            throw new AssertionError("uncatalogued " + e + " from " + what, e);
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A header with small counts and a size that is right, a little off, or anything. */
    private static byte[] plausibleNative(Random random) {
        int leds = random.nextInt(6);
        int frames = random.nextInt(4);
        int exact = 4 + frames * (2 + leds * 3);
        int length = switch (random.nextInt(3)) {
            case 0 -> exact;
            case 1 -> Math.max(0, exact + random.nextInt(5) - 2);
            default -> random.nextInt(64);
        };
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(length, 4)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) leds).putShort((short) frames);
        while (buffer.hasRemaining()) {
            buffer.put((byte) random.nextInt(256));
        }
        return Arrays.copyOf(buffer.array(), length);
    }

    /** Fragments of the .leds grammar in random order: reaches deep into the parser. */
    private static byte[] ledsSoup(Random random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "{header\nz:0\n}\n" : "");
        for (int n = random.nextInt(60); n > 0; n--) {
            text.append(LEDS_TOKENS[random.nextInt(LEDS_TOKENS.length)]);
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ReadOptions randomOptions(Random random) {
        ReadOptions options = switch (random.nextInt(4)) {
            case 0 -> ReadOptions.none();
            case 1 -> ReadOptions.ofLeds(random.nextInt(70_000) - 5);
            case 2 -> ReadOptions.ofMatrix(1 + random.nextInt(20), 1 + random.nextInt(20));
            default -> ReadOptions.ofLeds(1 + random.nextInt(4));
        };
        return random.nextInt(5) == 0 ? options.withFrameDelayMs(random.nextInt(70_010) - 5) : options;
    }
}
