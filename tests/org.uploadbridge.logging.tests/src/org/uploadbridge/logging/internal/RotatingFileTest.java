package org.uploadbridge.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file mechanics alone, without OSGi. */
class RotatingFileTest {

    @TempDir
    Path dir;

    @Test
    void shiftsOlderFilesAndDeletesTheOldest() throws Exception {
        try (RotatingFile file = new RotatingFile(dir.resolve("a.log"), 10, 3)) {
            for (int i = 0; i < 5; i++) {
                file.append("record " + i + "\n"); // 9 bytes: one per file
            }
            assertEquals(List.of(dir.resolve("a.log"), dir.resolve("a.log.1"), dir.resolve("a.log.2")), file.files());
        }
        assertEquals("record 4\n", Files.readString(dir.resolve("a.log")));
        assertEquals("record 3\n", Files.readString(dir.resolve("a.log.1")));
        assertEquals("record 2\n", Files.readString(dir.resolve("a.log.2")));
        try (var listing = Files.list(dir)) {
            assertEquals(3, listing.count());
        }
    }

    @Test
    void cutsARecordLargerThanAFileAtACharacterBoundary() throws Exception {
        try (RotatingFile file = new RotatingFile(dir.resolve("b.log"), 8, 2)) {
            file.append("ééééééé\n"); // 15 bytes
        }
        byte[] written = Files.readAllBytes(dir.resolve("b.log"));
        assertTrue(written.length <= 8);
        assertEquals("ééé\n", new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void appendsToAnExistingFileAfterARestart() throws Exception {
        try (RotatingFile file = new RotatingFile(dir.resolve("c.log"), 100, 2)) {
            file.append("one\n");
        }
        try (RotatingFile file = new RotatingFile(dir.resolve("c.log"), 100, 2)) {
            file.append("two\n");
        }
        assertEquals("one\ntwo\n", Files.readString(dir.resolve("c.log")));
    }

    @Test
    void oneFileOnlyStartsOver() throws Exception {
        try (RotatingFile file = new RotatingFile(dir.resolve("d.log"), 10, 1)) {
            file.append("first 12345\n");
            file.append("second\n");
        }
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
        assertEquals("second\n", Files.readString(dir.resolve("d.log")));
    }
}
