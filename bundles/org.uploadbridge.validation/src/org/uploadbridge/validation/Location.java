package org.uploadbridge.validation;

import java.util.OptionalInt;

/**
 * Where in a pattern a finding applies: a frame, an LED, both, or neither (the pattern as a whole,
 * or an input that is not a pattern at all, such as an address). Indices are zero-based.
 */
public record Location(OptionalInt frame, OptionalInt led) {

    private static final Location NONE = new Location(OptionalInt.empty(), OptionalInt.empty());

    public Location {
        requireIndex(frame, "frame");
        requireIndex(led, "led");
    }

    private static void requireIndex(OptionalInt index, String what) {
        if (index == null) {
            throw new NullPointerException(what);
        }
        if (index.isPresent() && index.getAsInt() < 0) {
            throw new IllegalArgumentException(what + " index must be >= 0, was " + index.getAsInt());
        }
    }

    /** The pattern (or input) as a whole. */
    public static Location none() {
        return NONE;
    }

    public static Location frame(int frame) {
        return new Location(OptionalInt.of(frame), OptionalInt.empty());
    }

    public static Location led(int led) {
        return new Location(OptionalInt.empty(), OptionalInt.of(led));
    }

    public static Location of(int frame, int led) {
        return new Location(OptionalInt.of(frame), OptionalInt.of(led));
    }

    public boolean isNone() {
        return frame.isEmpty() && led.isEmpty();
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        frame.ifPresent(f -> text.append("frame ").append(f));
        led.ifPresent(l -> text.append(text.isEmpty() ? "" : ", ").append("LED ").append(l));
        return text.toString();
    }
}
