package org.uploadbridge.core.format;

import java.util.Optional;
import java.util.OptionalInt;

import org.uploadbridge.core.pattern.MatrixGeometry;

/**
 * What the user told us about a file that does not describe itself (headerless raw RGB): its LED
 * count, or its matrix size, and optionally the frame delay to use.
 */
public record ReadOptions(OptionalInt ledCount, Optional<MatrixGeometry> matrix, OptionalInt frameDelayMs) {

    public static ReadOptions none() {
        return new ReadOptions(OptionalInt.empty(), Optional.empty(), OptionalInt.empty());
    }

    public static ReadOptions ofLeds(int ledCount) {
        return new ReadOptions(OptionalInt.of(ledCount), Optional.empty(), OptionalInt.empty());
    }

    public static ReadOptions ofMatrix(int width, int height) {
        return new ReadOptions(OptionalInt.empty(), Optional.of(MatrixGeometry.rows(width, height)), OptionalInt.empty());
    }

    public ReadOptions withFrameDelayMs(int delayMs) {
        return new ReadOptions(ledCount, matrix, OptionalInt.of(delayMs));
    }

    /** The LED count the user gave, directly or as a matrix size. */
    public OptionalInt effectiveLedCount() {
        if (ledCount.isPresent()) {
            return ledCount;
        }
        return matrix.map(m -> OptionalInt.of(m.ledCount())).orElse(OptionalInt.empty());
    }
}
