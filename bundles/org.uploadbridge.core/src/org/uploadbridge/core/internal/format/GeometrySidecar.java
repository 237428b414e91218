package org.uploadbridge.core.internal.format;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.pattern.MatrixGeometry;

/**
 * The matrix geometry of a native pattern, kept beside it in {@code <file>.geometry} because the
 * native format has no room for it. A {@link Properties} text with the keys {@code width},
 * {@code height}, {@code order}, {@code serpentine} and {@code origin}.
 */
public final class GeometrySidecar {

    public static final String SUFFIX = ".geometry";
    /** A real sidecar is about 100 bytes; anything this large is not one. */
    private static final int MAX_BYTES = 4096;

    private GeometrySidecar() {
    }

    /** Where the geometry of {@code patternFile} lives. */
    public static Path of(Path patternFile) {
        return patternFile.resolveSibling(patternFile.getFileName() + SUFFIX);
    }

    /** The sidecar text of {@code geometry}, stable (no timestamp) so identical geometry gives identical files. */
    public static byte[] format(MatrixGeometry geometry) {
        String text = "# Upload Bridge matrix geometry of the pattern file beside it\n"
                + "width=" + geometry.width() + "\n"
                + "height=" + geometry.height() + "\n"
                + "order=" + geometry.order().name() + "\n"
                + "serpentine=" + geometry.serpentine() + "\n"
                + "origin=" + geometry.origin().name() + "\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The geometry stored beside {@code patternFile}, or empty when there is no sidecar.
     *
     * @throws UploadBridgeException {@code UB-P019} when the sidecar exists but is damaged or does
     *     not hold {@code ledCount} LEDs; {@code UB-P015} when it cannot be read
     */
    public static Optional<MatrixGeometry> read(Path patternFile, int ledCount) throws UploadBridgeException {
        Path sidecar = of(patternFile);
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(sidecar)) {
            long size = channel.size();
            if (size > MAX_BYTES) {
                throw damaged(sidecar, "it is " + size + " bytes, a geometry file is a few lines");
            }
            bytes = new byte[(int) size];
            PatternFiles.readFully(channel, sidecar, bytes, 0, bytes.length);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw PatternFiles.readFailure(sidecar, e);
        }
        return Optional.of(parse(sidecar, bytes, ledCount));
    }

    static MatrixGeometry parse(Path sidecar, byte[] bytes, int ledCount) throws UploadBridgeException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(bytes)).toString()));
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed unicode escape.
            throw new UploadBridgeException(PatternError.BAD_GEOMETRY_FILE, e, sidecar, "it is not a properties text");
        }
        int width = intValue(sidecar, properties, "width");
        int height = intValue(sidecar, properties, "height");
        MatrixGeometry.Order order = enumValue(sidecar, properties, "order", MatrixGeometry.Order.class);
        boolean serpentine = booleanValue(sidecar, properties, "serpentine");
        MatrixGeometry.Corner origin = enumValue(sidecar, properties, "origin", MatrixGeometry.Corner.class);
        MatrixGeometry geometry;
        try {
            geometry = new MatrixGeometry(width, height, order, serpentine, origin);
        } catch (IllegalArgumentException e) {
            throw new UploadBridgeException(PatternError.BAD_GEOMETRY_FILE, e, sidecar, e.getMessage());
        }
        if (geometry.ledCount() != ledCount) {
            throw damaged(sidecar, "it describes " + width + " x " + height + " = " + geometry.ledCount()
                    + " LEDs but the pattern has " + ledCount);
        }
        return geometry;
    }

    private static String required(Path sidecar, Properties properties, String key) throws UploadBridgeException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw damaged(sidecar, "the key " + key + " is missing");
        }
        return value.trim();
    }

    private static int intValue(Path sidecar, Properties properties, String key) throws UploadBridgeException {
        String value = required(sidecar, properties, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UploadBridgeException(PatternError.BAD_GEOMETRY_FILE, e, sidecar, key + " is not a whole number: " + value);
        }
    }

    private static boolean booleanValue(Path sidecar, Properties properties, String key) throws UploadBridgeException {
        String value = required(sidecar, properties, key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw damaged(sidecar, key + " must be true or false, was " + value);
        };
    }

    private static <E extends Enum<E>> E enumValue(Path sidecar, Properties properties, String key, Class<E> type)
            throws UploadBridgeException {
        String value = required(sidecar, properties, key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw damaged(sidecar, key + " has the unknown value " + value);
    }

    private static UploadBridgeException damaged(Path sidecar, String why) {
        return new UploadBridgeException(PatternError.BAD_GEOMETRY_FILE, sidecar, why);
    }

    /** Deletes the sidecar of {@code patternFile} if there is one. */
    public static void delete(Path patternFile) throws IOException {
        Files.deleteIfExists(of(patternFile));
    }
}
