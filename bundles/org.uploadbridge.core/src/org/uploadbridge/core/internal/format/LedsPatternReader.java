package org.uploadbridge.core.internal.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;

/**
 * LED Matrix Studio animations ({@code .leds}) in RGB mode ({@code {anim4}} frames). Each frame
 * becomes one pattern frame of width x height LEDs with {@code MatrixGeometry.rows(w, h)}
 * (row-major from the top-left, as the rows appear in the file). With several layers, upper
 * layers cover lower ones except where they hold the header's background colour ({@code z:}).
 *
 * <p><b>Colours:</b> LED Matrix Studio keeps colours as Windows {@code COLORREF} values
 * (0x00BBGGRR) and writes each pixel as that number in 6 hex digits, so {@code 0000FF} is red and
 * {@code FF0000} is blue. This reader converts them to R, G, B.
 *
 * <p><b>Frame delay:</b> the file does not store one (LED Matrix Studio's playback speed is an
 * application setting, not part of the project file). Every frame gets the delay from the
 * {@link ReadOptions}, or {@value #DEFAULT_FRAME_DELAY_MS} ms (10 frames per second) when none is
 * given. A matrix size in the options is ignored: the file states its own.
 *
 * <p>Mono and bi-colour animations ({@code {anim}}, {@code {anim2}}, {@code {anim3}}) and RGB 3BPP
 * ({@code {anim5}}) are refused with {@code UB-P014}. A file never yields more pixel bytes than its
 * own size (a pixel takes at least 7 characters of text), nor more than the component property
 * {@value PatternFiles#MAX_PIXEL_BYTES_PROPERTY}.
 */
@Component(service = PatternReader.class)
public final class LedsPatternReader extends BasePatternReader {

    public static final int DEFAULT_FRAME_DELAY_MS = 100;
    /** A row of 65535 pixels is 458,745 characters; longer lines are not LED Matrix Studio files. */
    private static final int MAX_LINE_LENGTH = 1 << 20;
    private static final String MAGIC = "{header";

    @Activate
    public LedsPatternReader(Map<String, Object> properties) {
        super("leds", "LED Matrix Studio animation", List.of("leds"), properties);
    }

    /** YES when the text starts with {@code {header}; MAYBE for a {@code .leds} name alone. */
    @Override
    public Recognition recognize(Path file, long size, ByteBuffer head) {
        String text = StandardCharsets.ISO_8859_1.decode(head.duplicate()).toString();
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        if (text.stripLeading().startsWith(MAGIC)) {
            return Recognition.YES;
        }
        return fileExtensions().contains(PatternFiles.extensionOf(file)) ? Recognition.MAYBE : Recognition.NO;
    }

    @Override
    public Pattern read(Path file, ReadOptions options) throws UploadBridgeException {
        int delay = frameDelay(file, options == null ? ReadOptions.none() : options);
        try (FileChannel channel = PatternFiles.openForReading(file)) {
            long size = channel.size();
            if (size == 0) {
                throw new UploadBridgeException(PatternError.EMPTY_FILE, file);
            }
            LedsParser parser = new LedsParser(file, size, maxPixelBytes);
            TextLines lines = new TextLines(channel, file, MAX_LINE_LENGTH);
            for (String line = lines.next(); line != null; line = lines.next()) {
                parser.accept(lines.number(), line);
            }
            return parser.finish(lines.number(), delay, maxPixelBytes);
        } catch (IOException e) {
            throw PatternFiles.readFailure(file, e);
        }
    }

    private static int frameDelay(Path file, ReadOptions options) throws UploadBridgeException {
        int delay = options.frameDelayMs().orElse(DEFAULT_FRAME_DELAY_MS);
        if (delay < 0 || delay > Pattern.MAX_FRAME_DELAY_MS) {
            throw new UploadBridgeException(PatternError.INVALID_READ_OPTIONS, file,
                    "the frame delay " + delay + " ms is outside 0.." + Pattern.MAX_FRAME_DELAY_MS);
        }
        return delay;
    }
}
