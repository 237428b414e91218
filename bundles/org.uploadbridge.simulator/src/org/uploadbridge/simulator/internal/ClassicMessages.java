package org.uploadbridge.simulator.internal;

/** The classic firmware's own answer texts, to the character (see device-protocols.md §2). */
final class ClassicMessages {

    static final String INVALID_FILE_FORMAT = "Invalid file format. Use .bin, .hex, or .dat files.";
    static final String FILE_TOO_SMALL = "Pattern file too small";
    static final String ALLOCATION_FAILED = "Failed to allocate memory for pattern";
    static final String NO_FILE = "No file uploaded";
    static final String INVALID_JSON = "Invalid JSON";
    static final String STATUS_LOADED = "Pattern Loaded";
    static final String STATUS_EMPTY = "No Pattern";
    /** The ESP WebServer's plain-text 503, while rebooting or overloaded. */
    static final String SERVICE_UNAVAILABLE = "Service Unavailable";

    private ClassicMessages() {
    }

    static String invalidLedCount(int leds) {
        return "Invalid LED count: " + leds;
    }

    static String invalidFrameCount(int frames) {
        return "Invalid frame count: " + frames;
    }

    static String sizeMismatch(long expected, long got) {
        return "Pattern size mismatch. Expected: " + expected + ", Got: " + got;
    }

    /** "Pattern loaded: N LEDs × F frames (S bytes)", with U+00D7 MULTIPLICATION SIGN. */
    static String patternLoaded(int leds, int frames, long size) {
        return "Pattern loaded: " + leds + " LEDs \u00D7 " + frames + " frames (" + size + " bytes)";
    }
}
