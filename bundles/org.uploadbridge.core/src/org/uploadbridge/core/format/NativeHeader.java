package org.uploadbridge.core.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import org.uploadbridge.core.pattern.Pattern;

/**
 * The 4-byte header of a native pattern file: u16 LE LED count, u16 LE frame count. Parsing it
 * proves nothing on its own; {@link #matches(long)} tells whether a file of a given size is a
 * native pattern with this header.
 *
 * @param ledCount 0..65535 as stored (0 is invalid, but can be read)
 * @param frameCount 0..65535 as stored (0 is invalid, but can be read)
 */
public record NativeHeader(int ledCount, int frameCount) {

    /** Bytes of the header at the start of every native file. */
    public static final int BYTES = 4;

    public NativeHeader {
        if (ledCount < 0 || ledCount > Pattern.MAX_LEDS || frameCount < 0 || frameCount > Pattern.MAX_FRAMES) {
            throw new IllegalArgumentException("header fields are unsigned 16-bit: " + ledCount + ", " + frameCount);
        }
    }

    /**
     * Reads the header from the first bytes of {@code head} (from its position, which is left
     * unchanged), or empty when fewer than {@link #BYTES} bytes remain.
     */
    public static Optional<NativeHeader> parse(ByteBuffer head) {
        if (head.remaining() < BYTES) {
            return Optional.empty();
        }
        ByteBuffer le = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int p = le.position();
        return Optional.of(new NativeHeader(le.getShort(p) & 0xFFFF, le.getShort(p + 2) & 0xFFFF));
    }

    /** The only size a native file with this header can have: 4 + frames x (2 + LEDs x 3). */
    public long expectedFileSize() {
        return Pattern.nativeSize(ledCount, frameCount);
    }

    /** LEDs x frames x 3: the bytes the pattern's colours take in memory. */
    public long pixelBytes() {
        return (long) ledCount * frameCount * 3;
    }

    /** Whether the counts are usable and a file of {@code fileSize} bytes holds exactly this pattern. */
    public boolean matches(long fileSize) {
        return ledCount > 0 && frameCount > 0 && expectedFileSize() == fileSize;
    }
}
