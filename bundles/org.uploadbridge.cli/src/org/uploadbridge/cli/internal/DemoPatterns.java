package org.uploadbridge.cli.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.MatrixGeometry.Corner;
import org.uploadbridge.core.pattern.MatrixGeometry.Order;
import org.uploadbridge.core.pattern.Pattern;

/**
 * Generated example patterns for the README's tour and for trying the workbench without files of
 * one's own: strips and matrices, plain and serpentine wiring, and a 64 x 64 matrix at 60 fps.
 */
final class DemoPatterns {

    private DemoPatterns() {
    }

    /** File name to pattern, in the order they are presented. */
    static Map<String, Pattern> all() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        patterns.put("rainbow-strip-60.bin", rainbowStrip(60, 90, 30));
        patterns.put("comet-strip-144.bin", comet(144, 72, 20));
        patterns.put("checker-8x8.bin", checker(8, 4, 250));
        patterns.put("fire-16x16-serpentine.bin", fire(16, 48, 40));
        patterns.put("plasma-64x64.bin", plasma(64, 60, 16));
        return patterns;
    }

    static Pattern rainbowStrip(int leds, int frames, int delayMs) {
        byte[] rgb = new byte[leds * frames * 3];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < leds; i++) {
                put(rgb, (f * leds + i) * 3, hsv((i / (double) leds + f / (double) frames) % 1.0, 1.0, 0.6));
            }
        }
        return Pattern.of(leds, delays(frames, delayMs), rgb, null);
    }

    static Pattern comet(int leds, int frames, int delayMs) {
        byte[] rgb = new byte[leds * frames * 3];
        for (int f = 0; f < frames; f++) {
            int head = f * leds / frames;
            for (int tail = 0; tail < 12; tail++) {
                int i = head - tail;
                if (i >= 0) {
                    double v = Math.pow(0.72, tail);
                    put(rgb, (f * leds + i) * 3, rgb(255 * v, 180 * v, 60 * v));
                }
            }
        }
        return Pattern.of(leds, delays(frames, delayMs), rgb, null);
    }

    static Pattern checker(int side, int frames, int delayMs) {
        int leds = side * side;
        MatrixGeometry geometry = MatrixGeometry.rows(side, side);
        byte[] rgb = new byte[leds * frames * 3];
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean on = ((x + y + f) & 1) == 0;
                    put(rgb, (f * leds + geometry.ledIndexAt(x, y)) * 3, on ? rgb(200, 30, 30) : rgb(20, 20, 120));
                }
            }
        }
        return Pattern.of(leds, delays(frames, delayMs), rgb, geometry);
    }

    /** Serpentine wiring from the bottom-left corner, as many hand-built matrices are. */
    static Pattern fire(int side, int frames, int delayMs) {
        int leds = side * side;
        MatrixGeometry geometry = new MatrixGeometry(side, side, Order.ROW_MAJOR, true, Corner.BOTTOM_LEFT);
        byte[] rgb = new byte[leds * frames * 3];
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double heat = Math.max(0, 1.0 - (side - 1 - y) / (double) side
                            - 0.25 * (1 + Math.sin(x * 0.9 + f * 0.45 + Math.cos(y * 0.7 + f * 0.3))) / 2);
                    put(rgb, (f * leds + geometry.ledIndexAt(x, y)) * 3, rgb(255 * Math.min(1, heat * 1.6), 200 * heat * heat, 40 * Math.pow(heat, 4)));
                }
            }
        }
        return Pattern.of(leds, delays(frames, delayMs), rgb, geometry);
    }

    static Pattern plasma(int side, int frames, int delayMs) {
        int leds = side * side;
        MatrixGeometry geometry = MatrixGeometry.rows(side, side);
        byte[] rgb = new byte[leds * frames * 3];
        for (int f = 0; f < frames; f++) {
            double t = f * 2 * Math.PI / frames;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double v = Math.sin(x * 0.19 + t) + Math.sin(y * 0.23 - t) + Math.sin((x + y) * 0.13 + 2 * t);
                    put(rgb, (f * leds + geometry.ledIndexAt(x, y)) * 3, hsv((v + 3) / 6, 0.9, 0.45));
                }
            }
        }
        return Pattern.of(leds, delays(frames, delayMs), rgb, geometry);
    }

    private static int[] delays(int frames, int delayMs) {
        int[] delays = new int[frames];
        Arrays.fill(delays, delayMs);
        return delays;
    }

    private static void put(byte[] rgb, int offset, int colour) {
        rgb[offset] = (byte) (colour >> 16);
        rgb[offset + 1] = (byte) (colour >> 8);
        rgb[offset + 2] = (byte) colour;
    }

    private static int rgb(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static int hsv(double h, double s, double v) {
        double c = v * s;
        double hp = (h % 1.0) * 6;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double[] rgb = switch ((int) hp) {
            case 0 -> new double[] { c, x, 0 };
            case 1 -> new double[] { x, c, 0 };
            case 2 -> new double[] { 0, c, x };
            case 3 -> new double[] { 0, x, c };
            case 4 -> new double[] { x, 0, c };
            default -> new double[] { c, 0, x };
        };
        double m = v - c;
        return rgb((rgb[0] + m) * 255, (rgb[1] + m) * 255, (rgb[2] + m) * 255);
    }
}
