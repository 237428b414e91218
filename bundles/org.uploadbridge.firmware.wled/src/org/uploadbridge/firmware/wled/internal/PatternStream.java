package org.uploadbridge.firmware.wled.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.net.DatagramLink;

/**
 * Plays one pattern on one WLED device by streaming its frames over DDP, looped, each frame at its
 * own delay after the one before. Deadlines are absolute (start + the delays so far), so delays do
 * not drift; a frame that is late goes out at once and the next keeps its own deadline.
 *
 * <p>Runs on its own platform thread (parking on a virtual thread wakes later and less evenly). The
 * first loop reports progress and completes {@link #firstLoop()}; the stream runs until
 * {@link #stop()}, or fails when the network refuses the datagrams.
 */
final class PatternStream {

    /** Frames faster than this are shown at this interval: 200 fps is more than any strip refreshes. */
    static final long MIN_FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** The last stretch before a deadline is spun, not parked: parking overshoots by up to a millisecond or more. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(300);

    private final DeviceAddress device;
    private final Pattern pattern;
    private final DatagramLink link;
    private final long fileBytes;
    private final TransferProgress progress;
    private final CompletableFuture<Long> firstLoop = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long framesSent;

    PatternStream(DeviceAddress device, Pattern pattern, DatagramLink link, long fileBytes, TransferProgress progress) {
        this.device = device;
        this.pattern = pattern;
        this.link = link;
        this.fileBytes = fileBytes;
        this.progress = progress;
        this.thread = Thread.ofPlatform().daemon().name("wled-stream-" + device).unstarted(this::run);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    void start() {
        thread.start();
    }

    /** Completes with the nanoseconds the first loop took once every frame went out once; fails as the stream fails. */
    CompletableFuture<Long> firstLoop() {
        return firstLoop;
    }

    Pattern pattern() {
        return pattern;
    }

    long fileBytes() {
        return fileBytes;
    }

    long framesSent() {
        return framesSent;
    }

    boolean isRunning() {
        return thread.isAlive() && !stopped;
    }

    /** Stops after the frame in flight and waits for the thread; the link closes with it. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int frameBytes = pattern.ledCount() * 3;
        byte[] rgb = new byte[frameBytes];
        int sequence = 1;
        long start = System.nanoTime();
        long deadline = start;
        try (link) {
            for (long shown = 0; !stopped; shown++) {
                int frame = (int) (shown % pattern.frameCount());
                pattern.copyFrame(frame, rgb, 0);
                for (ByteBuffer packet : DdpPackets.frame(rgb, 0, frameBytes, sequence)) {
                    link.send(packet);
                }
                framesSent = shown + 1;
                sequence = DdpPackets.next(sequence);
                if (shown < pattern.frameCount()) {
                    if (!reportFirstLoop(frame, start)) {
                        return;
                    }
                }
                deadline += Math.max(MIN_FRAME_NANOS, TimeUnit.MILLISECONDS.toNanos(pattern.frameDelayMs(frame)));
                waitUntil(deadline);
            }
        } catch (UploadBridgeException e) {
            firstLoop.completeExceptionally(e);
        } catch (RuntimeException e) {
            firstLoop.completeExceptionally(new UploadBridgeException(DeviceError.REJECTED, e, device,
                    "streaming stopped: " + e));
            throw e;
        } finally {
            stopped = true;
            firstLoop.completeExceptionally(new UploadBridgeException(DeviceError.CANCELLED, device, "streaming"));
        }
    }

    /** Tells progress about the first loop; false when the user cancelled it. */
    private boolean reportFirstLoop(int frame, long start) {
        if (progress.isCancelled()) {
            firstLoop.completeExceptionally(new UploadBridgeException(DeviceError.CANCELLED, device, "streaming"));
            return false;
        }
        long sent = fileBytes * (frame + 1) / pattern.frameCount();
        progress.transferred(sent, fileBytes);
        if (frame + 1 == pattern.frameCount()) {
            firstLoop.complete(System.nanoTime() - start);
        }
        return true;
    }

    private void waitUntil(long deadline) {
        long left;
        while (!stopped && (left = deadline - System.nanoTime()) > 0) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
