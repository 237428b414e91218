package org.uploadbridge.simulator;

import java.util.Arrays;

/**
 * One frame a WLED device showed: the pixel buffer when a DDP packet with the push flag arrived.
 *
 * @param rgb 3 bytes per configured LED; LEDs no packet has set since start keep 0 (later frames
 *     keep what earlier ones set, as the strip does)
 * @param receivedNanos {@link System#nanoTime()} when the push packet was received
 * @param packets DDP packets that went into this frame (the push packet included)
 * @param sequence the push packet's sequence number (0 = not used, else 1..15)
 */
public record DdpFrame(byte[] rgb, long receivedNanos, int packets, int sequence) {

    public DdpFrame {
        rgb = rgb.clone();
    }

    /** A copy: the frame itself never changes. */
    @Override
    public byte[] rgb() {
        return rgb.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DdpFrame frame && Arrays.equals(rgb, frame.rgb) && receivedNanos == frame.receivedNanos
                && packets == frame.packets && sequence == frame.sequence;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rgb) * 31 + Long.hashCode(receivedNanos);
    }

    @Override
    public String toString() {
        return "DdpFrame[" + rgb.length + " bytes, t=" + receivedNanos + ", packets=" + packets + ", seq=" + sequence + "]";
    }
}
