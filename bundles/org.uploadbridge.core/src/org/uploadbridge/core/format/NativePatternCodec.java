package org.uploadbridge.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.io.AtomicFiles;
import org.uploadbridge.core.internal.format.GeometrySidecar;
import org.uploadbridge.core.internal.format.NativeFrameReader;
import org.uploadbridge.core.internal.format.PatternFiles;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

/**
 * The native pattern format ({@code .bin}, {@code .dat}) that Upload Bridge devices play, all
 * integers little-endian: u16 LED count, u16 frame count, then per frame a u16 delay in ms and
 * LEDs x 3 bytes R, G, B. Exact size = 4 + frames x (2 + LEDs x 3); any other size is rejected
 * before anything is allocated.
 *
 * <p>The format has no room for a matrix layout: {@link #write(Pattern, Path)} keeps it in a
 * sidecar {@code <file>.geometry} and {@link #decode(Path)} applies it again.
 */
public final class NativePatternCodec {

    public static final List<String> FILE_EXTENSIONS = List.of("bin", "dat");
    /** The most pixel bytes a decoded pattern can have: the JVM's array limit. */
    public static final long MAX_PIXEL_BYTES = PatternFiles.MAX_ARRAY_BYTES;

    private static final int DELAY_BYTES = 2;

    private NativePatternCodec() {
    }

    /** Decodes {@code file} and applies its geometry sidecar, if any. */
    public static Pattern decode(Path file) throws UploadBridgeException {
        return decode(file, MAX_PIXEL_BYTES);
    }

    /**
     * Decodes {@code file}, refusing patterns of more than {@code maxPixelBytes} pixel bytes, and
     * applies its geometry sidecar, if any.
     *
     * @throws UploadBridgeException a {@link PatternError} for every bad file, missing file or I/O failure
     */
    public static Pattern decode(Path file, long maxPixelBytes) throws UploadBridgeException {
        Pattern pattern;
        try (FileChannel channel = PatternFiles.openForReading(file)) {
            pattern = decode(channel, file, maxPixelBytes);
        } catch (IOException e) {
            throw PatternFiles.readFailure(file, e);
        }
        Optional<MatrixGeometry> geometry = GeometrySidecar.read(file, pattern.ledCount());
        return geometry.isPresent() ? pattern.withGeometry(geometry.get()) : pattern;
    }

    /** Decodes a whole native file held in memory (from its position to its limit; not consumed). */
    public static Pattern decode(ByteBuffer data, Path source, long maxPixelBytes) throws UploadBridgeException {
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        NativeHeader header = verifyHeader(source, in.remaining(), in);
        byte[] rgb = PatternFiles.allocatePixels(source, header.pixelBytes(), maxPixelBytes);
        int[] delays = new int[header.frameCount()];
        int frameBytes = header.ledCount() * 3;
        in.position(in.position() + NativeHeader.BYTES);
        for (int frame = 0, offset = 0; frame < delays.length; frame++, offset += frameBytes) {
            delays[frame] = in.getShort() & 0xFFFF;
            in.get(rgb, offset, frameBytes);
        }
        return Pattern.of(header.ledCount(), delays, rgb, null);
    }

    /**
     * Checks the header at the position of {@code head} against the size of the whole file, in
     * the order a device checks it.
     *
     * @throws UploadBridgeException {@code UB-P001} empty, {@code UB-P002} under 4 bytes,
     *     {@code UB-P003} 0 LEDs, {@code UB-P004} 0 frames, {@code UB-P005} size mismatch
     */
    public static NativeHeader verifyHeader(Path source, long fileSize, ByteBuffer head) throws UploadBridgeException {
        if (fileSize == 0) {
            throw new UploadBridgeException(PatternError.EMPTY_FILE, source);
        }
        Optional<NativeHeader> parsed = NativeHeader.parse(head);
        if (fileSize < NativeHeader.BYTES || parsed.isEmpty()) {
            throw new UploadBridgeException(PatternError.TOO_SMALL_FOR_HEADER, source, fileSize);
        }
        NativeHeader header = parsed.get();
        if (header.ledCount() == 0) {
            throw new UploadBridgeException(PatternError.INVALID_LED_COUNT, source, header.ledCount());
        }
        if (header.frameCount() == 0) {
            throw new UploadBridgeException(PatternError.NO_FRAMES, source);
        }
        if (header.expectedFileSize() != fileSize) {
            throw new UploadBridgeException(PatternError.SIZE_MISMATCH, source, header.expectedFileSize(), fileSize,
                    header.ledCount(), header.frameCount());
        }
        return header;
    }

    private static Pattern decode(FileChannel channel, Path file, long maxPixelBytes)
            throws IOException, UploadBridgeException {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(NativeHeader.BYTES);
        while (head.hasRemaining() && channel.read(head) >= 0) {
            // a regular file fills the header in one read; loop for the rest
        }
        head.flip();
        NativeHeader header = verifyHeader(file, size, head);
        // Only now, with the size proven, is anything the size of the pattern allocated.
        byte[] rgb = PatternFiles.allocatePixels(file, header.pixelBytes(), maxPixelBytes);
        int[] delays = new int[header.frameCount()];
        NativeFrameReader.read(channel, file, NativeHeader.BYTES, delays, rgb, header.ledCount() * 3);
        return Pattern.of(header.ledCount(), delays, rgb, null);
    }

    /** The native bytes of {@code pattern} in memory. */
    public static byte[] encode(Pattern pattern) throws UploadBridgeException {
        long size = pattern.nativeSize();
        if (size > PatternFiles.MAX_ARRAY_BYTES) {
            throw new UploadBridgeException(PatternError.TOO_LARGE_FOR_MEMORY, pattern.toString(), size,
                    PatternFiles.MAX_ARRAY_BYTES, "the largest array Java can hold; write it to a file instead");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        putHeader(out, pattern);
        int frameBytes = pattern.ledCount() * 3;
        for (int frame = 0; frame < pattern.frameCount(); frame++) {
            out.putShort((short) pattern.frameDelayMs(frame));
            pattern.copyFrame(frame, out.array(), out.position());
            out.position(out.position() + frameBytes);
        }
        return out.array();
    }

    /** Writes the native bytes of {@code pattern} to {@code out} in large chunks. */
    public static void encode(Pattern pattern, WritableByteChannel out) throws IOException {
        int frameBytes = pattern.ledCount() * 3;
        // One frame (at most 65535 x 3 + 2 bytes) always fits in a chunk.
        int capacity = (int) Math.min(Math.max(PatternFiles.IO_CHUNK, DELAY_BYTES + frameBytes), pattern.nativeSize());
        ByteBuffer buffer = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        putHeader(buffer, pattern);
        for (int frame = 0; frame < pattern.frameCount(); frame++) {
            if (buffer.remaining() < DELAY_BYTES + frameBytes) {
                drain(buffer, out);
            }
            buffer.putShort((short) pattern.frameDelayMs(frame));
            pattern.copyFrame(frame, buffer.array(), buffer.position());
            buffer.position(buffer.position() + frameBytes);
        }
        drain(buffer, out);
    }

    private static void putHeader(ByteBuffer out, Pattern pattern) {
        out.putShort((short) pattern.ledCount()).putShort((short) pattern.frameCount());
    }

    private static void drain(ByteBuffer buffer, WritableByteChannel out) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /**
     * Writes {@code pattern} to {@code target} atomically (temporary file in the same directory,
     * forced to disk, renamed over the target): readers see the old file or the new one, never a
     * part. Then writes its geometry to {@code <target>.geometry} the same way, or deletes a stale
     * sidecar when the pattern has no geometry.
     *
     * @throws UploadBridgeException {@code UB-P016} when either file cannot be written; the
     *     previous content of that file is then unchanged
     */
    public static void write(Pattern pattern, Path target) throws UploadBridgeException {
        Path file = target.toAbsolutePath();
        try {
            AtomicFiles.write(file, channel -> encode(pattern, channel));
        } catch (IOException e) {
            throw PatternFiles.writeFailure(file, e);
        }
        Path sidecar = GeometrySidecar.of(file);
        try {
            if (pattern.geometry().isPresent()) {
                ByteBuffer text = ByteBuffer.wrap(GeometrySidecar.format(pattern.geometry().get()));
                AtomicFiles.write(sidecar, channel -> drainFully(text, channel));
            } else {
                GeometrySidecar.delete(file);
            }
        } catch (IOException e) {
            throw PatternFiles.writeFailure(sidecar, e);
        }
    }

    private static void drainFully(ByteBuffer buffer, WritableByteChannel out) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Where {@link #write(Pattern, Path)} keeps the matrix geometry of {@code patternFile}. */
    public static Path geometryFileOf(Path patternFile) {
        return GeometrySidecar.of(patternFile);
    }
}
