package org.uploadbridge.core.pattern;

import java.util.Objects;

/**
 * How the LEDs of a pattern are laid out on a matrix: its size and the wiring that maps a position
 * on the matrix to the index of the LED on the strip.
 *
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param order whether the strip runs along rows or along columns first
 * @param serpentine whether every second row (or column) runs backwards, as in zig-zag wiring
 * @param origin the corner where LED 0 sits
 */
public record MatrixGeometry(int width, int height, Order order, boolean serpentine, Corner origin) {

    /** The direction the strip runs first. */
    public enum Order { ROW_MAJOR, COLUMN_MAJOR }

    /** The corner of the matrix where the first LED sits, as seen from the front. */
    public enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    public MatrixGeometry {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("matrix size must be at least 1 x 1, was " + width + " x " + height);
        }
        if ((long) width * height > Pattern.MAX_LEDS) {
            throw new IllegalArgumentException("matrix " + width + " x " + height + " exceeds " + Pattern.MAX_LEDS + " LEDs");
        }
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(origin, "origin");
    }

    /** Plain row-major wiring from the top-left corner, the layout of most image-like files. */
    public static MatrixGeometry rows(int width, int height) {
        return new MatrixGeometry(width, height, Order.ROW_MAJOR, false, Corner.TOP_LEFT);
    }

    public int ledCount() {
        return width * height;
    }

    /**
     * The strip index of the LED shown at column {@code x}, row {@code y}, where (0, 0) is the
     * top-left corner as seen from the front.
     */
    public int ledIndexAt(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside " + width + " x " + height);
        }
        boolean fromRight = origin == Corner.TOP_RIGHT || origin == Corner.BOTTOM_RIGHT;
        boolean fromBottom = origin == Corner.BOTTOM_LEFT || origin == Corner.BOTTOM_RIGHT;
        int col = fromRight ? width - 1 - x : x;
        int row = fromBottom ? height - 1 - y : y;
        if (order == Order.ROW_MAJOR) {
            int along = serpentine && (row & 1) == 1 ? width - 1 - col : col;
            return row * width + along;
        }
        int along = serpentine && (col & 1) == 1 ? height - 1 - row : row;
        return col * height + along;
    }
}
