package org.uploadbridge.core.internal.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.stream.IntStream;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * Reads the frames of a native pattern (u16 delay, then the frame's RGB bytes, frame after frame)
 * into one pixel array. Large files are read by several threads at once, each with positional
 * reads over its own range of frames through its own direct buffer: the copy from the page cache
 * into the array is the cost, and it divides over cores.
 */
public final class NativeFrameReader {

    /** Below this many bytes one thread is faster than starting several. */
    static final long PARALLEL_THRESHOLD = 16L << 20;
    static final int MAX_THREADS = 4;
    private static final int DELAY_BYTES = 2;

    private NativeFrameReader() {
    }

    /**
     * Fills {@code delays} and {@code rgb} from the frames that start at byte {@code bodyStart}.
     *
     * @throws UploadBridgeException {@code UB-P015} when the file ends early (it changed while read)
     */
    public static void read(FileChannel channel, Path file, long bodyStart, int[] delays, byte[] rgb, int frameBytes)
            throws IOException, UploadBridgeException {
        int frames = delays.length;
        long bodyBytes = (long) frames * (DELAY_BYTES + frameBytes);
        int threads = bodyBytes < PARALLEL_THRESHOLD ? 1
                : Math.min(frames, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        if (threads == 1) {
            readRange(channel, file, bodyStart, 0, frames, delays, rgb, frameBytes);
            return;
        }
        int perThread = (frames + threads - 1) / threads;
        try {
            IntStream.range(0, threads).parallel().forEach(t -> {
                int first = t * perThread;
                int end = Math.min(frames, first + perThread);
                try {
                    readRange(channel, file, bodyStart, first, end, delays, rgb, frameBytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (UploadBridgeException e) {
                    throw new FailedRange(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (FailedRange e) {
            throw e.failure;
        }
    }

    private static void readRange(FileChannel channel, Path file, long bodyStart, int first, int end, int[] delays,
            byte[] rgb, int frameBytes) throws IOException, UploadBridgeException {
        int stride = DELAY_BYTES + frameBytes;
        long position = bodyStart + (long) first * stride;
        long rangeBytes = (long) (end - first) * stride;
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(PatternFiles.IO_CHUNK, rangeBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.limit(0);
        long[] next = { position };
        int offset = first * frameBytes;
        for (int frame = first; frame < end; frame++) {
            if (buffer.remaining() < DELAY_BYTES) {
                refill(channel, file, buffer, DELAY_BYTES, next);
            }
            delays[frame] = buffer.getShort() & 0xFFFF;
            for (int left = frameBytes; left > 0;) {
                if (!buffer.hasRemaining()) {
                    refill(channel, file, buffer, 1, next);
                }
                int n = Math.min(left, buffer.remaining());
                buffer.get(rgb, offset, n);
                offset += n;
                left -= n;
            }
        }
    }

    /** Keeps the unread bytes and reads on from {@code next[0]} until at least {@code needed} are there. */
    private static void refill(FileChannel channel, Path file, ByteBuffer buffer, int needed, long[] next)
            throws IOException, UploadBridgeException {
        buffer.compact();
        try {
            while (buffer.position() < needed) {
                int n = channel.read(buffer, next[0]);
                if (n < 0) {
                    throw PatternFiles.endedEarly(file);
                }
                next[0] += n;
            }
            int n;
            while (buffer.hasRemaining() && (n = channel.read(buffer, next[0])) > 0) {
                next[0] += n; // fill the buffer: fewer, larger reads
            }
        } finally {
            buffer.flip();
        }
    }

    /** Carries a catalogued failure out of a parallel stream. */
    private static final class FailedRange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient UploadBridgeException failure;

        FailedRange(UploadBridgeException failure) {
            super(failure);
            this.failure = failure;
        }
    }
}
