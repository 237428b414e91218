package org.uploadbridge.cli.internal;

/** Parsing of option values, with usage errors that name the option. */
final class Options {

    private Options() {
    }

    static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    static int positiveInt(String option, String text, int max) throws UsageException {
        try {
            int value = Integer.parseInt(text);
            if (value < 1 || value > max) {
                throw new UsageException(option + " must be between 1 and " + max + ", not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, not '" + text + "'");
        }
    }

    /** A fraction 0..1, e.g. {@code 0.1}. */
    static double fraction(String option, String text) throws UsageException {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same message as a number out of range
        }
        throw new UsageException(option + " takes a fraction between 0 and 1, e.g. 0.1, not '" + text + "'");
    }

    static long wholeNumber(String option, String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, not '" + text + "'");
        }
    }

    /** Parses {@code WxH}, e.g. {@code 16x16}. */
    static int[] size(String text) throws UsageException {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new UsageException("--size takes WIDTHxHEIGHT, e.g. 16x16, not '" + text + "'");
        }
        int width = positiveInt("--size width", parts[0], 65535);
        int height = positiveInt("--size height", parts[1], 65535);
        if ((long) width * height > 65535) {
            throw new UsageException("--size " + text + " is " + (long) width * height + " LEDs; the most a pattern holds is 65535");
        }
        return new int[] { width, height };
    }
}
