package org.uploadbridge.core.device;

/**
 * What a device reports about the pattern it plays.
 *
 * @param loaded whether a pattern is loaded at all
 * @param ledCount LEDs of the loaded pattern
 * @param frameCount frames of the loaded pattern
 * @param sizeBytes size of the loaded pattern in its native format
 */
public record LoadedPatternInfo(boolean loaded, int ledCount, int frameCount, long sizeBytes) {

    public static LoadedPatternInfo none() {
        return new LoadedPatternInfo(false, 0, 0, 0);
    }
}
