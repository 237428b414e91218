package org.uploadbridge.core.internal.format;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativeHeader;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

/**
 * Reads the native format with {@link NativePatternCodec}. Recognises a file only when its header
 * agrees with its size to the byte, which a headerless file almost never does by chance.
 *
 * <p>The native file holds no geometry: a matrix size in the {@link ReadOptions} wins over the
 * {@code .geometry} sidecar; either must hold exactly the pattern's LED count. Component property
 * {@value PatternFiles#MAX_PIXEL_BYTES_PROPERTY} caps the pixel bytes of one pattern.
 */
@Component(service = PatternReader.class)
public final class NativePatternReader extends BasePatternReader {

    @Activate
    public NativePatternReader(Map<String, Object> properties) {
        super("native", "Upload Bridge native pattern", NativePatternCodec.FILE_EXTENSIONS, properties);
    }

    @Override
    public Recognition recognize(Path file, long size, ByteBuffer head) {
        return NativeHeader.parse(head).filter(header -> header.matches(size)).isPresent() ? Recognition.YES : Recognition.NO;
    }

    @Override
    public Pattern read(Path file, ReadOptions options) throws UploadBridgeException {
        Pattern pattern = NativePatternCodec.decode(file, maxPixelBytes);
        if (options == null || options.matrix().isEmpty()) {
            return pattern;
        }
        MatrixGeometry matrix = options.matrix().get();
        if (matrix.ledCount() != pattern.ledCount()) {
            throw new UploadBridgeException(PatternError.INVALID_READ_OPTIONS, file, "the matrix " + matrix.width() + " x "
                    + matrix.height() + " has " + matrix.ledCount() + " LEDs but the pattern has " + pattern.ledCount());
        }
        return pattern.withGeometry(matrix);
    }
}
