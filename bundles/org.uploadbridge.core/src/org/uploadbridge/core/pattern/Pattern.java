package org.uploadbridge.core.pattern;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An LED animation: {@code frameCount} frames of {@code ledCount} RGB colours, each frame shown
 * for its own delay. Lean by design: the colours of all frames live in one byte array
 * (frame-major, then LED, then R, G, B), so a large pattern costs its pixel bytes and little more.
 *
 * <p>Immutable: the "with" methods return a new pattern that shares the pixel array.
 */
public final class Pattern {

    /** The native format stores the LED and frame counts as unsigned 16-bit numbers. */
    public static final int MAX_LEDS = 0xFFFF;
    public static final int MAX_FRAMES = 0xFFFF;
    /** Frame delays are unsigned 16-bit milliseconds in the native format. */
    public static final int MAX_FRAME_DELAY_MS = 0xFFFF;

    private final int ledCount;
    private final int[] frameDelaysMs;
    private final byte[] rgb;
    private final MatrixGeometry geometry;

    private Pattern(int ledCount, int[] frameDelaysMs, byte[] rgb, MatrixGeometry geometry) {
        this.ledCount = ledCount;
        this.frameDelaysMs = frameDelaysMs;
        this.rgb = rgb;
        this.geometry = geometry;
    }

    /**
     * Creates a pattern that takes ownership of {@code rgb} (not copied: callers hand over arrays
     * they built for this pattern). {@code geometry} may be null for a plain strip.
     *
     * @throws IllegalArgumentException when counts, delays or the data length are inconsistent
     */
    public static Pattern of(int ledCount, int[] frameDelaysMs, byte[] rgb, MatrixGeometry geometry) {
        Objects.requireNonNull(frameDelaysMs, "frameDelaysMs");
        Objects.requireNonNull(rgb, "rgb");
        if (ledCount < 1 || ledCount > MAX_LEDS) {
            throw new IllegalArgumentException("LED count must be 1.." + MAX_LEDS + ", was " + ledCount);
        }
        if (frameDelaysMs.length < 1 || frameDelaysMs.length > MAX_FRAMES) {
            throw new IllegalArgumentException("frame count must be 1.." + MAX_FRAMES + ", was " + frameDelaysMs.length);
        }
        for (int delay : frameDelaysMs) {
            if (delay < 0 || delay > MAX_FRAME_DELAY_MS) {
                throw new IllegalArgumentException("frame delay must be 0.." + MAX_FRAME_DELAY_MS + " ms, was " + delay);
            }
        }
        long expected = (long) frameDelaysMs.length * ledCount * 3;
        if (rgb.length != expected) {
            throw new IllegalArgumentException("pixel data must be " + expected + " bytes, was " + rgb.length);
        }
        if (geometry != null && geometry.ledCount() != ledCount) {
            throw new IllegalArgumentException("geometry " + geometry.width() + " x " + geometry.height()
                    + " does not hold " + ledCount + " LEDs");
        }
        return new Pattern(ledCount, frameDelaysMs.clone(), rgb, geometry);
    }

    public int ledCount() {
        return ledCount;
    }

    public int frameCount() {
        return frameDelaysMs.length;
    }

    public int frameDelayMs(int frame) {
        return frameDelaysMs[frame];
    }

    public int[] frameDelaysMs() {
        return frameDelaysMs.clone();
    }

    /** The sum of all frame delays: one pass of the animation. */
    public long durationMs() {
        long sum = 0;
        for (int delay : frameDelaysMs) {
            sum += delay;
        }
        return sum;
    }

    public Optional<MatrixGeometry> geometry() {
        return Optional.ofNullable(geometry);
    }

    /** The colour of one LED in one frame as 0xRRGGBB. */
    public int rgb(int frame, int led) {
        Objects.checkIndex(frame, frameDelaysMs.length);
        Objects.checkIndex(led, ledCount);
        int i = (frame * ledCount + led) * 3;
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | rgb[i + 2] & 0xFF;
    }

    /** Copies one frame's R,G,B bytes ({@code ledCount * 3}) into {@code dest} at {@code offset}. */
    public void copyFrame(int frame, byte[] dest, int offset) {
        Objects.checkIndex(frame, frameDelaysMs.length);
        int length = ledCount * 3;
        System.arraycopy(rgb, frame * length, dest, offset, length);
    }

    /** A read-only view of all pixel bytes, frame after frame. */
    public ByteBuffer pixelData() {
        return ByteBuffer.wrap(rgb).asReadOnlyBuffer();
    }

    /** Size of this pattern as a native {@code .bin} file: 4 + frames x (2 + LEDs x 3). */
    public long nativeSize() {
        return nativeSize(ledCount, frameDelaysMs.length);
    }

    public static long nativeSize(long ledCount, long frameCount) {
        return 4 + frameCount * (2 + ledCount * 3);
    }

    public Pattern withGeometry(MatrixGeometry newGeometry) {
        if (newGeometry != null && newGeometry.ledCount() != ledCount) {
            throw new IllegalArgumentException("geometry " + newGeometry.width() + " x " + newGeometry.height()
                    + " does not hold " + ledCount + " LEDs");
        }
        return new Pattern(ledCount, frameDelaysMs, rgb, newGeometry);
    }

    public Pattern withFrameDelays(int[] newDelaysMs) {
        if (newDelaysMs.length != frameDelaysMs.length) {
            throw new IllegalArgumentException("need " + frameDelaysMs.length + " delays, got " + newDelaysMs.length);
        }
        return of(ledCount, newDelaysMs, rgb, geometry);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pattern p && p.ledCount == ledCount && Arrays.equals(p.frameDelaysMs, frameDelaysMs)
                && Objects.equals(p.geometry, geometry) && Arrays.equals(p.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ledCount, Arrays.hashCode(frameDelaysMs), geometry);
    }

    @Override
    public String toString() {
        return "Pattern[" + ledCount + " LEDs x " + frameDelaysMs.length + " frames"
                + (geometry == null ? "" : ", " + geometry.width() + " x " + geometry.height()) + "]";
    }
}
