package org.uploadbridge.core.format;

/**
 * One candidate layout for a headerless raw RGB file, offered to the user to confirm; never
 * applied on its own. Guesses are ranked: rank 1 is the most plausible.
 *
 * @param rank 1 for the best guess
 * @param width matrix columns (the LED count for a strip, with height 1)
 * @param height matrix rows (1 for a strip)
 * @param frameCount how many frames the file holds with this layout
 * @param reason why this guess is plausible, in words for the user
 */
public record SizeGuess(int rank, int width, int height, int frameCount, String reason) {

    public int ledCount() {
        return width * height;
    }

    /** The options that read the file with this guess, once the user has confirmed it. */
    public ReadOptions toReadOptions() {
        return height == 1 ? ReadOptions.ofLeds(width) : ReadOptions.ofMatrix(width, height);
    }
}
