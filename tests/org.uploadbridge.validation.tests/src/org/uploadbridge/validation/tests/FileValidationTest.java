package org.uploadbridge.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.Location;
import org.uploadbridge.validation.Severity;
import org.uploadbridge.validation.ValidationError;
import org.uploadbridge.validation.ValidationReport;
import org.uploadbridge.validation.internal.DefaultPatternValidator;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.FileValidation;
import org.uploadbridge.validation.pattern.PatternValidator;

/** Validating files: the loader's failures become findings with the loader's own code. */
class FileValidationTest {

    @TempDir
    Path dir;

    /** A loader that answers as told, to test the validator without the core's readers. */
    private record StubLoader(LoadedPattern result, UploadBridgeException failure) implements PatternLoader {

        @Override
        public LoadedPattern load(Path file, ReadOptions options) throws UploadBridgeException {
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        @Override
        public List<PatternReader> readers() {
            return List.of();
        }
    }

    @Test
    void loaderFailureBecomesAnErrorWithTheLoadersCode() {
        Path file = dir.resolve("broken.bin");
        UploadBridgeException failure = new UploadBridgeException(TestReaderError.SIZE_MISMATCH, file.toString(), 1000L, 1006L);
        PatternValidator validator = new DefaultPatternValidator(new StubLoader(null, failure));

        FileValidation result = validator.loadAndValidate(file, ReadOptions.none(), DeviceLimits.esp8266());
        assertTrue(result.loaded().isEmpty());
        Finding finding = result.report().findings().get(0);
        assertEquals(1, result.report().findings().size());
        assertEquals(Severity.ERROR, finding.severity());
        assertSame(TestReaderError.SIZE_MISMATCH, finding.code());
        assertEquals(failure.detail(), finding.message());
        assertTrue(finding.message().contains("1,006"), finding.message());
        assertEquals(Location.none(), finding.location());
        assertFalse(validator.validateFile(file, ReadOptions.none(), DeviceLimits.esp8266()).isValid());
    }

    @Test
    void loadedPatternIsValidatedAndKept() {
        Pattern pattern = TestPatterns.uniform(2000, 2, 50, 0, 0, 0);
        Path file = dir.resolve("big.bin");
        LoadedPattern loaded = new LoadedPattern(file, "native", pattern.nativeSize(), pattern);
        PatternValidator validator = new DefaultPatternValidator(new StubLoader(loaded, null));

        FileValidation result = validator.loadAndValidate(file, ReadOptions.none(), DeviceLimits.esp8266());
        assertSame(loaded, result.loaded().orElseThrow());
        assertTrue(result.report().contains(ValidationError.TOO_MANY_LEDS_FOR_DEVICE));
        assertEquals(result.report(), validator.validateFile(file, ReadOptions.none(), DeviceLimits.esp8266()));
    }

    @Test
    void withoutALoaderFilesCannotBeValidatedButPatternsCan() {
        PatternValidator validator = new DefaultPatternValidator(null);
        Path file = dir.resolve("any.bin");
        ValidationReport report = validator.validateFile(file, ReadOptions.none(), DeviceLimits.none());
        assertEquals(ValidationError.PATTERN_LOADER_UNAVAILABLE, report.errors().get(0).code());
        assertTrue(report.errors().get(0).message().contains("any.bin"));
        assertTrue(validator.validate(TestPatterns.uniform(1, 1, 50, 0, 0, 0), DeviceLimits.none()).isValid());
    }

    /** End to end with the core's loader, once it runs in the framework. */
    @Test
    void nativeFileThroughTheCoreLoader() throws IOException {
        PatternLoader loader = OsgiServices.waitFor(PatternLoader.class, 2_000);
        Assumptions.assumeTrue(loader != null, "the core's PatternLoader is not registered yet");
        PatternValidator validator = OsgiServices.service(PatternValidator.class);

        Path good = dir.resolve("good.bin");
        Files.write(good, nativeFile(4, 3, 0));
        ValidationReport report = validator.validateFile(good, ReadOptions.none(), DeviceLimits.esp8266());
        assertTrue(report.isValid(), report::toString);
        assertTrue(report.contains(ValidationError.ZERO_FRAME_DELAY), report::toString);

        // Two bytes short of what its header announces: the reader's code, not ours.
        Path truncated = dir.resolve("truncated.bin");
        byte[] bytes = nativeFile(4, 3, 100);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        ValidationReport broken = validator.validateFile(truncated, ReadOptions.none(), DeviceLimits.esp8266());
        assertFalse(broken.isValid(), broken::toString);
        assertNotEquals(ValidationError.class, broken.errors().get(0).code().getClass(), broken::toString);
    }

    /** A native pattern: LED and frame counts, then per frame a delay and grey pixels. */
    private static byte[] nativeFile(int leds, int frames, int delayMs) {
        ByteBuffer buffer = ByteBuffer.allocate((int) Pattern.nativeSize(leds, frames)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) leds).putShort((short) frames);
        for (int f = 0; f < frames; f++) {
            buffer.putShort((short) delayMs);
            for (int i = 0; i < leds * 3; i++) {
                buffer.put((byte) 0x20);
            }
        }
        return buffer.array();
    }
}
