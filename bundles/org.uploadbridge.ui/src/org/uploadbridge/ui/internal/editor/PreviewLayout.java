package org.uploadbridge.ui.internal.editor;

import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

/**
 * Where each LED of a pattern appears in the preview grid: a matrix follows its geometry (wiring
 * included), a strip is wrapped into rows. Computed once per geometry so each frame is a plain
 * index lookup.
 *
 * @param columns grid columns
 * @param rows grid rows
 * @param ledAtCell the LED index shown in each cell (row-major), -1 for an empty cell
 */
public record PreviewLayout(int columns, int rows, int[] ledAtCell) {

    /** Strips longer than this wrap onto further rows. */
    static final int STRIP_ROW_LENGTH = 64;

    public static PreviewLayout of(Pattern pattern) {
        return pattern.geometry().map(PreviewLayout::matrix).orElseGet(() -> strip(pattern.ledCount()));
    }

    static PreviewLayout matrix(MatrixGeometry geometry) {
        int[] cells = new int[geometry.ledCount()];
        for (int y = 0; y < geometry.height(); y++) {
            for (int x = 0; x < geometry.width(); x++) {
                cells[y * geometry.width() + x] = geometry.ledIndexAt(x, y);
            }
        }
        return new PreviewLayout(geometry.width(), geometry.height(), cells);
    }

    static PreviewLayout strip(int ledCount) {
        int columns = Math.min(ledCount, STRIP_ROW_LENGTH);
        int rows = (ledCount + columns - 1) / columns;
        int[] cells = new int[columns * rows];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i < ledCount ? i : -1;
        }
        return new PreviewLayout(columns, rows, cells);
    }
}
