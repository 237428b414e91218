package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.MatrixGeometry.Corner;
import org.uploadbridge.core.pattern.MatrixGeometry.Order;

class MatrixGeometryTest {

    /**
     * A 4 x 3 matrix seen from the front: the strip index at each position, rows top to bottom
     * separated by "/". Worked out by following the wire from the origin corner.
     */
    @ParameterizedTest(name = "{0} serpentine={1} from {2}")
    @CsvSource(delimiter = ';', value = {
        "ROW_MAJOR;    false; TOP_LEFT;     0 1 2 3 / 4 5 6 7 / 8 9 10 11",
        "ROW_MAJOR;    true;  TOP_LEFT;     0 1 2 3 / 7 6 5 4 / 8 9 10 11",
        "ROW_MAJOR;    false; TOP_RIGHT;    3 2 1 0 / 7 6 5 4 / 11 10 9 8",
        "ROW_MAJOR;    true;  TOP_RIGHT;    3 2 1 0 / 4 5 6 7 / 11 10 9 8",
        "ROW_MAJOR;    false; BOTTOM_LEFT;  8 9 10 11 / 4 5 6 7 / 0 1 2 3",
        "ROW_MAJOR;    true;  BOTTOM_LEFT;  8 9 10 11 / 7 6 5 4 / 0 1 2 3",
        "ROW_MAJOR;    false; BOTTOM_RIGHT; 11 10 9 8 / 7 6 5 4 / 3 2 1 0",
        "ROW_MAJOR;    true;  BOTTOM_RIGHT; 11 10 9 8 / 4 5 6 7 / 3 2 1 0",
        "COLUMN_MAJOR; false; TOP_LEFT;     0 3 6 9 / 1 4 7 10 / 2 5 8 11",
        "COLUMN_MAJOR; true;  TOP_LEFT;     0 5 6 11 / 1 4 7 10 / 2 3 8 9",
        "COLUMN_MAJOR; false; TOP_RIGHT;    9 6 3 0 / 10 7 4 1 / 11 8 5 2",
        "COLUMN_MAJOR; true;  TOP_RIGHT;    11 6 5 0 / 10 7 4 1 / 9 8 3 2",
        "COLUMN_MAJOR; false; BOTTOM_LEFT;  2 5 8 11 / 1 4 7 10 / 0 3 6 9",
        "COLUMN_MAJOR; true;  BOTTOM_LEFT;  2 3 8 9 / 1 4 7 10 / 0 5 6 11",
        "COLUMN_MAJOR; false; BOTTOM_RIGHT; 11 8 5 2 / 10 7 4 1 / 9 6 3 0",
        "COLUMN_MAJOR; true;  BOTTOM_RIGHT; 9 8 3 2 / 10 7 4 1 / 11 6 5 0",
    })
    void ledIndexFollowsTheWiring(Order order, boolean serpentine, Corner origin, String table) {
        MatrixGeometry geometry = new MatrixGeometry(4, 3, order, serpentine, origin);
        String[] rows = table.split("/");
        assertEquals(3, rows.length);
        for (int y = 0; y < 3; y++) {
            int[] expected = Arrays.stream(rows[y].trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
            int[] actual = new int[4];
            for (int x = 0; x < 4; x++) {
                actual[x] = geometry.ledIndexAt(x, y);
            }
            assertEquals(Arrays.toString(expected), Arrays.toString(actual), "row " + y);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 5", "5, 1", "7, 4", "16, 16", "3, 8"})
    void everyWiringMapsPositionsOneToOneOntoTheStrip(int width, int height) {
        for (Order order : Order.values()) {
            for (Corner origin : Corner.values()) {
                for (boolean serpentine : new boolean[] {false, true}) {
                    MatrixGeometry geometry = new MatrixGeometry(width, height, order, serpentine, origin);
                    BitSet seen = new BitSet();
                    for (int y = 0; y < height; y++) {
                        for (int x = 0; x < width; x++) {
                            int index = geometry.ledIndexAt(x, y);
                            assertEquals(false, seen.get(index), geometry + " maps two positions to " + index);
                            seen.set(index);
                        }
                    }
                    assertEquals(width * height, seen.cardinality());
                    assertEquals(width * height, seen.nextClearBit(0), geometry + " skips an index");
                }
            }
        }
    }

    @Test
    void positionsOutsideTheMatrixAreRejected() {
        MatrixGeometry geometry = MatrixGeometry.rows(4, 3);
        assertThrows(IndexOutOfBoundsException.class, () -> geometry.ledIndexAt(4, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> geometry.ledIndexAt(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> geometry.ledIndexAt(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> MatrixGeometry.rows(0, 3));
        assertThrows(IllegalArgumentException.class, () -> MatrixGeometry.rows(256, 257));
    }
}
