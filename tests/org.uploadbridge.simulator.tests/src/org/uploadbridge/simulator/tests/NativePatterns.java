package org.uploadbridge.simulator.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Native pattern files built byte by byte, independent of the code under test. */
final class NativePatterns {

    private NativePatterns() {
    }

    /** A valid native file: u16 LEDs, u16 frames, then per frame u16 delay and LEDs x RGB. */
    static byte[] of(int leds, int frames) {
        ByteBuffer out = ByteBuffer.allocate(4 + frames * (2 + leds * 3)).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) leds).putShort((short) frames);
        for (int frame = 0; frame < frames; frame++) {
            out.putShort((short) 40);
            for (int led = 0; led < leds; led++) {
                out.put((byte) led).put((byte) frame).put((byte) (led + frame));
            }
        }
        return out.array();
    }

    /** Just a header claiming {@code leds} and {@code frames}, padded with {@code extra} zero bytes. */
    static byte[] header(int leds, int frames, int extra) {
        return ByteBuffer.allocate(4 + extra).order(ByteOrder.LITTLE_ENDIAN).putShort((short) leds)
                .putShort((short) frames).array();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
