package org.uploadbridge.core.internal.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;

/**
 * File access shared by the readers and the codec: every {@link IOException} becomes a catalogued
 * {@link UploadBridgeException}, and no array is allocated before its size has been checked.
 */
public final class PatternFiles {

    /** Bytes per read or write call: large enough that system calls do not dominate, small enough to cache. */
    public static final int IO_CHUNK = 1 << 20;
    /** The largest byte array the JVM reliably allocates (a few header words below Integer.MAX_VALUE). */
    public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    /** Component property of every reader: the most pixel bytes one pattern may take in memory. */
    public static final String MAX_PIXEL_BYTES_PROPERTY = "maxPixelBytes";

    private PatternFiles() {
    }

    /** The file name extension of {@code file} in lower case without the dot, or "" when it has none. */
    public static String extensionOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Opens {@code file} for reading: a missing file is {@code UB-P017}, anything else {@code UB-P015}. */
    public static FileChannel openForReading(Path file) throws UploadBridgeException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /** The catalogued form of a failure to read {@code file}. */
    public static UploadBridgeException readFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UploadBridgeException(PatternError.FILE_NOT_FOUND, e, file);
        }
        return new UploadBridgeException(PatternError.READ_FAILED, e, file, describe(e));
    }

    /** The catalogued form of a failure to write {@code file}. */
    public static UploadBridgeException writeFailure(Path file, IOException e) {
        return new UploadBridgeException(PatternError.WRITE_FAILED, e, file, describe(e));
    }

    /** A short reason for users: the OS reason where there is one, not a stack trace. */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Reads exactly {@code length} bytes into {@code dest} in large chunks; a short file is {@code UB-P015}. */
    public static void readFully(FileChannel channel, Path file, byte[] dest, int offset, int length)
            throws IOException, UploadBridgeException {
        int end = offset + length;
        for (int at = offset; at < end;) {
            // Bounded chunks: a heap buffer read makes the JDK allocate a direct buffer of its full size.
            int n = channel.read(ByteBuffer.wrap(dest, at, Math.min(IO_CHUNK, end - at)));
            if (n < 0) {
                throw endedEarly(file);
            }
            at += n;
        }
    }

    /** The file got shorter between measuring and reading it. */
    public static UploadBridgeException endedEarly(Path file) {
        return new UploadBridgeException(PatternError.READ_FAILED, file,
                "the file ended early; it was probably changed while being read");
    }

    /**
     * Checks that a pattern of {@code pixelBytes} fits every limit and allocates its array; the
     * limits are the JVM's array size, {@code maxPixelBytes} and the heap.
     */
    public static byte[] allocatePixels(Path file, long pixelBytes, long maxPixelBytes) throws UploadBridgeException {
        if (pixelBytes > MAX_ARRAY_BYTES) {
            throw tooLarge(file, pixelBytes, MAX_ARRAY_BYTES, "the largest array Java can hold");
        }
        if (pixelBytes > maxPixelBytes) {
            throw tooLarge(file, pixelBytes, maxPixelBytes, "the reader limit " + MAX_PIXEL_BYTES_PROPERTY);
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (pixelBytes > heap) {
            throw tooLarge(file, pixelBytes, heap, "the Java heap of this program");
        }
        try {
            return new byte[(int) pixelBytes];
        } catch (OutOfMemoryError e) {
            // One big array failed to allocate: nothing else is affected, so report it as a user error.
            throw new UploadBridgeException(PatternError.TOO_LARGE_FOR_MEMORY, e, file, pixelBytes, heap,
                    "the free memory of the Java heap");
        }
    }

    public static UploadBridgeException tooLarge(Path file, long bytes, long limit, String which) {
        return new UploadBridgeException(PatternError.TOO_LARGE_FOR_MEMORY, file, bytes, limit, which);
    }

    /**
     * The {@value #MAX_PIXEL_BYTES_PROPERTY} component property: a number (or numeric text) of
     * bytes; absent means {@link #MAX_ARRAY_BYTES}.
     *
     * @throws IllegalArgumentException when the property is set but not a positive number, so a
     *     misconfigured component fails to activate visibly instead of running with a surprise limit
     */
    public static long maxPixelBytes(Map<String, ?> properties) {
        Object value = properties == null ? null : properties.get(MAX_PIXEL_BYTES_PROPERTY);
        if (value == null) {
            return MAX_ARRAY_BYTES;
        }
        long limit;
        if (value instanceof Number number) {
            limit = number.longValue();
        } else {
            try {
                limit = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_PIXEL_BYTES_PROPERTY + " must be a number of bytes, was " + value, e);
            }
        }
        if (limit < 1) {
            throw new IllegalArgumentException(MAX_PIXEL_BYTES_PROPERTY + " must be positive, was " + value);
        }
        return Math.min(limit, MAX_ARRAY_BYTES);
    }
}
