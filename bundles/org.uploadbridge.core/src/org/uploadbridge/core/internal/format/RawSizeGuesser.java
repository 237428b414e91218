package org.uploadbridge.core.internal.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.uploadbridge.core.format.SizeGuess;
import org.uploadbridge.core.pattern.Pattern;

/**
 * Proposes layouts for a headerless raw RGB file from its size alone: every (width, height,
 * frames) with width x height x frames x 3 == size, ranked by how likely a person owns such a
 * matrix or strip and plays such an animation. A pure function: the user picks, nothing is applied.
 *
 * <p>Scoring, in order of weight: a common matrix size (8x8, 16x16, 32x8, 12x6, 15x6...) or strip
 * length (30, 60, 144, 300...); a plausible frame count (2..2000; one frame is a still image,
 * thousands of frames of a tiny strip are more likely a wrong size); a shape close to a common
 * aspect ratio (1:1, 2:1, 5:2, 4:1...); a LED count typical of hobby hardware.
 */
public final class RawSizeGuesser {

    /** Most popular first; each counts in both orientations where listed so. */
    private static final int[][] COMMON_MATRICES = {
        {8, 8}, {16, 16}, {32, 8}, {8, 32}, {32, 32}, {16, 8}, {8, 16}, {64, 64}, {64, 32}, {32, 16},
        {12, 6}, {15, 6}, {24, 8}, {10, 10}, {20, 20}, {16, 32}, {32, 64}, {5, 5}, {7, 7}, {24, 16},
        {12, 12}, {14, 14}, {30, 10}, {25, 25}, {40, 20}, {48, 16}, {60, 8}, {16, 12}, {11, 11}, {9, 9},
    };
    private static final int[] COMMON_STRIPS = {30, 60, 144, 150, 300, 64, 100, 50, 120, 240, 16, 24, 32, 8, 12, 72, 96, 200, 256};
    /** Width : height ratios of real matrices, wide side first. */
    private static final double[] COMMON_RATIOS = {1.0, 2.0, 4.0, 2.5, 1.5, 3.0, 8.0, 4.0 / 3.0, 16.0 / 9.0};
    private static final int MAX_GUESSES = 8;

    private RawSizeGuesser() {
    }

    /** Ranked guesses for a file of {@code sizeBytes}; empty when no layout fits exactly. */
    public static List<SizeGuess> guess(long sizeBytes) {
        if (sizeBytes <= 0 || sizeBytes % 3 != 0) {
            return List.of();
        }
        long pixels = sizeBytes / 3;
        Map<Long, Candidate> byLayout = new LinkedHashMap<>();
        for (int i = 0; i < COMMON_MATRICES.length; i++) {
            int[] m = COMMON_MATRICES[i];
            consider(byLayout, pixels, m[0], m[1], 60 - i, "a common " + m[0] + " x " + m[1] + " matrix");
        }
        for (int i = 0; i < COMMON_STRIPS.length; i++) {
            int leds = COMMON_STRIPS[i];
            consider(byLayout, pixels, leds, 1, 42 - i, "a common strip of " + leds + " LEDs");
        }
        // Any other LED count that divides the file: a matrix of the most regular shape, or a strip.
        // Divisors come in pairs (d, pixels / d), so walking up to the square root finds them all.
        for (long d = 1; d * d <= pixels; d++) {
            if (pixels % d == 0) {
                considerAnyShape(byLayout, pixels, d);
                considerAnyShape(byLayout, pixels, pixels / d);
            }
        }
        List<Candidate> ranked = new ArrayList<>(byLayout.values());
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(c -> -c.frames()).thenComparingInt(Candidate::width));
        List<SizeGuess> guesses = new ArrayList<>();
        for (Candidate c : ranked.subList(0, Math.min(MAX_GUESSES, ranked.size()))) {
            guesses.add(new SizeGuess(guesses.size() + 1, c.width(), c.height(), c.frames(),
                    c.reason() + ", " + c.frames() + (c.frames() == 1 ? " frame" : " frames")));
        }
        return List.copyOf(guesses);
    }

    /** One line for messages: "15 x 6 x 15 frames, 30 LEDs x 45 frames, ..." (at most three). */
    public static String summary(List<SizeGuess> guesses) {
        if (guesses.isEmpty()) {
            return "none (the size is not a multiple of 3 bytes per LED)";
        }
        StringBuilder text = new StringBuilder();
        for (SizeGuess g : guesses.subList(0, Math.min(3, guesses.size()))) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(g.height() == 1 ? g.width() + " LEDs" : g.width() + " x " + g.height()).append(" x ")
                    .append(g.frameCount()).append(g.frameCount() == 1 ? " frame" : " frames");
        }
        return text.toString();
    }

    private static void considerAnyShape(Map<Long, Candidate> byLayout, long pixels, long leds) {
        if (leds > Pattern.MAX_LEDS) {
            return;
        }
        int[] shape = bestShape((int) leds);
        if (shape[1] > 1) {
            consider(byLayout, pixels, shape[0], shape[1], 0, "a " + shape[0] + " x " + shape[1] + " matrix");
        } else {
            consider(byLayout, pixels, shape[0], 1, -5, "a strip of " + leds + " LEDs");
        }
    }

    private static void consider(Map<Long, Candidate> byLayout, long pixels, int width, int height, double bonus,
            String reason) {
        long leds = (long) width * height;
        if (leds > Pattern.MAX_LEDS || pixels % leds != 0) {
            return;
        }
        long frames = pixels / leds;
        if (frames > Pattern.MAX_FRAMES) {
            return;
        }
        double score = bonus + frameScore(frames) + ledScore(leds) + (height > 1 ? shapeScore(width, height) : 0);
        long key = (long) width << 32 | height;
        Candidate existing = byLayout.get(key);
        if (existing == null || existing.score() < score) {
            byLayout.put(key, new Candidate(width, height, (int) frames, score, reason));
        }
    }

    /** Animations of a few to a few hundred frames are the norm; a single frame is a still picture. */
    private static double frameScore(long frames) {
        if (frames == 1) {
            return -12;
        }
        if (frames <= 2000) {
            return 10 - Math.abs(Math.log10(frames) - 1.5) * 3; // best around 30 frames
        }
        return -10 - Math.log10(frames) * 5;
    }

    /** Hobby strips and matrices have tens to a few thousand LEDs. */
    private static double ledScore(long leds) {
        if (leds < 8) {
            return -15;
        }
        return leds <= 4096 ? 0 : -5;
    }

    /** Close to a common aspect ratio scores up to 10; long thin shapes score below zero. */
    private static double shapeScore(int width, int height) {
        double ratio = (double) Math.max(width, height) / Math.min(width, height);
        double nearest = Double.MAX_VALUE;
        for (double common : COMMON_RATIOS) {
            nearest = Math.min(nearest, Math.abs(Math.log(ratio / common)));
        }
        return 10 - nearest * 25 - (ratio > 8 ? 10 : 0);
    }

    /** The factorisation of {@code leds} into width x height (width >= height) closest to a common ratio. */
    private static int[] bestShape(int leds) {
        int[] best = {leds, 1};
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int height = 2; (long) height * height <= leds; height++) {
            if (leds % height == 0) {
                double score = shapeScore(leds / height, height);
                if (score > bestScore) {
                    bestScore = score;
                    best = new int[] {leds / height, height};
                }
            }
        }
        return bestScore > -5 ? best : new int[] {leds, 1};
    }

    private record Candidate(int width, int height, int frames, double score, String reason) {
    }
}
