package org.uploadbridge.core.internal.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.format.SizeGuess;
import org.uploadbridge.core.format.SizeRequiredException;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

/**
 * Headerless raw RGB ({@code .rgb}, {@code .raw}, Glediator/Jinx! {@code .out}, {@code .gled},
 * and {@code .bin} files that are not native): frame after frame of LEDs x 3 bytes R, G, B, with
 * no sizes and no delays in the file.
 *
 * <p>The LED count comes from the {@link ReadOptions} (an LED count, or a matrix size whose
 * geometry the pattern then carries); the file size must be a whole number of frames. Every frame
 * gets the options' frame delay, or {@value #DEFAULT_FRAME_DELAY_MS} ms (20 frames per second, the
 * usual Glediator rate) when none is given. Without a size, reading fails with a
 * {@link SizeRequiredException} carrying ranked {@link SizeGuess}es; a guess is never applied here.
 */
@Component(service = PatternReader.class)
public final class RawRgbPatternReader extends BasePatternReader {

    public static final int DEFAULT_FRAME_DELAY_MS = 50;
    private static final List<String> EXTENSIONS = List.of("rgb", "raw", "out", "gled", "bin");

    @Activate
    public RawRgbPatternReader(Map<String, Object> properties) {
        super("raw-rgb", "Raw RGB frames (no header)", EXTENSIONS, properties);
    }

    /** MAYBE for its extensions when the size is a whole number of RGB triplets: raw data proves nothing. */
    @Override
    public Recognition recognize(Path file, long size, ByteBuffer head) {
        return size > 0 && size % 3 == 0 && EXTENSIONS.contains(PatternFiles.extensionOf(file))
                ? Recognition.MAYBE : Recognition.NO;
    }

    @Override
    public Pattern read(Path file, ReadOptions options) throws UploadBridgeException {
        ReadOptions given = options == null ? ReadOptions.none() : options;
        try (FileChannel channel = PatternFiles.openForReading(file)) {
            long size = channel.size();
            if (size == 0) {
                throw new UploadBridgeException(PatternError.EMPTY_FILE, file);
            }
            Layout layout = layout(file, size, given);
            int[] delays = new int[layout.frames()];
            Arrays.fill(delays, frameDelay(file, given));
            byte[] rgb = PatternFiles.allocatePixels(file, size, maxPixelBytes);
            PatternFiles.readFully(channel, file, rgb, 0, rgb.length);
            return Pattern.of(layout.leds(), delays, rgb, layout.geometry().orElse(null));
        } catch (IOException e) {
            throw PatternFiles.readFailure(file, e);
        }
    }

    private static Layout layout(Path file, long size, ReadOptions options) throws UploadBridgeException {
        OptionalInt leds = options.effectiveLedCount();
        if (leds.isEmpty()) {
            List<SizeGuess> guesses = RawSizeGuesser.guess(size);
            throw new SizeRequiredException(PatternError.RAW_SIZE_REQUIRED, guesses, file, size, RawSizeGuesser.summary(guesses));
        }
        Optional<MatrixGeometry> matrix = options.matrix();
        if (options.ledCount().isPresent() && matrix.isPresent() && matrix.get().ledCount() != options.ledCount().getAsInt()) {
            throw new UploadBridgeException(PatternError.INVALID_READ_OPTIONS, file, "the LED count " + options.ledCount().getAsInt()
                    + " and the matrix " + matrix.get().width() + " x " + matrix.get().height() + " disagree");
        }
        int ledCount = leds.getAsInt();
        if (ledCount < 1 || ledCount > Pattern.MAX_LEDS) {
            throw new UploadBridgeException(PatternError.INVALID_LED_COUNT, file, ledCount);
        }
        long frameBytes = ledCount * 3L;
        if (size % frameBytes != 0) {
            throw new UploadBridgeException(PatternError.RAW_SIZE_NOT_DIVISIBLE, file, size, ledCount, frameBytes);
        }
        long frames = size / frameBytes;
        if (frames > Pattern.MAX_FRAMES) {
            throw new UploadBridgeException(PatternError.TOO_MANY_FRAMES, file, frames, Pattern.MAX_FRAMES);
        }
        return new Layout(ledCount, (int) frames, matrix);
    }

    private static int frameDelay(Path file, ReadOptions options) throws UploadBridgeException {
        int delay = options.frameDelayMs().orElse(DEFAULT_FRAME_DELAY_MS);
        if (delay < 0 || delay > Pattern.MAX_FRAME_DELAY_MS) {
            throw new UploadBridgeException(PatternError.INVALID_READ_OPTIONS, file,
                    "the frame delay " + delay + " ms is outside 0.." + Pattern.MAX_FRAME_DELAY_MS);
        }
        return delay;
    }

    private record Layout(int leds, int frames, Optional<MatrixGeometry> geometry) {
    }
}
