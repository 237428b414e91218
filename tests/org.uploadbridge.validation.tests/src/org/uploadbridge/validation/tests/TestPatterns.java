package org.uploadbridge.validation.tests;

import java.util.Arrays;

import org.uploadbridge.core.pattern.Pattern;

/** Synthetic patterns for the validator tests. */
final class TestPatterns {

    private TestPatterns() {
    }

    /** Every LED of every frame in one colour, every frame with the same delay. */
    static Pattern uniform(int leds, int frames, int delayMs, int r, int g, int b) {
        int[] delays = new int[frames];
        Arrays.fill(delays, delayMs);
        return withDelays(leds, delays, r, g, b);
    }

    static Pattern withDelays(int leds, int[] delays, int r, int g, int b) {
        byte[] rgb = new byte[delays.length * leds * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return Pattern.of(leds, delays, rgb, null);
    }

    /** Frames of one colour each: {@code colours[f]} is 0xRRGGBB for frame f. */
    static Pattern frameColours(int leds, int delayMs, int... colours) {
        int[] delays = new int[colours.length];
        Arrays.fill(delays, delayMs);
        byte[] rgb = new byte[colours.length * leds * 3];
        for (int f = 0; f < colours.length; f++) {
            for (int led = 0; led < leds; led++) {
                int i = (f * leds + led) * 3;
                rgb[i] = (byte) (colours[f] >>> 16);
                rgb[i + 1] = (byte) (colours[f] >>> 8);
                rgb[i + 2] = (byte) colours[f];
            }
        }
        return Pattern.of(leds, delays, rgb, null);
    }
}
