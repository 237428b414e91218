package org.uploadbridge.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.logging.LogFiles;
import org.uploadbridge.testing.OsgiServices;

/** The DS component in the running framework: records logged through the OSGi log reach real files. */
class LogFilesServiceTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToDefaults() {
        OsgiServices.unconfigure("org.uploadbridge.logging", () -> !logFiles().currentFile().startsWith(dir));
    }

    @Test
    void writesTheWorkspaceFileByDefault() {
        String instanceArea = OsgiServices.context().getProperty("osgi.instance.area");
        Path current = logFiles().currentFile();
        assertEquals("upload-bridge.log", current.getFileName().toString());
        if (instanceArea != null && instanceArea.startsWith("file:")) {
            assertTrue(current.toString().replace('\\', '/').endsWith(".metadata/.plugins/org.uploadbridge.logging/upload-bridge.log"),
                    current.toString());
        }
        assertEquals(LogFiles.DEFAULT_MAX_FILE_BYTES, logFiles().maxFileBytes());
        assertEquals(LogFiles.DEFAULT_MAX_FILES, logFiles().maxFiles());
    }

    @Test
    void recordsLoggedThroughTheOsgiLogLandInTheFile() {
        LogFiles files = configure(1_000_000, 3);
        String marker = "disk-check-" + UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("device said no");
        logger("org.uploadbridge.test.Writer").error("upload failed: " + marker, failure);

        String text = LogFileText.await(files, marker);
        String line = text.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ ERROR .*org\\.uploadbridge\\.test\\.Writer - upload failed: " + marker), line);
        assertTrue(text.contains("\n    java.lang.IllegalStateException: device said no\n"), text);
        assertTrue(text.contains("\n    \tat org.uploadbridge.logging.internal.LogFilesServiceTest"), text);
    }

    @Test
    void rotationKeepsAtMostMaxFilesEachWithinMaxFileBytes() throws IOException {
        int maxFileBytes = 4_000;
        LogFiles files = configure(maxFileBytes, 3);
        Logger logger = logger("org.uploadbridge.test.Rotation");
        String padding = "x".repeat(100);
        for (int i = 0; i < 200; i++) { // about 30 kB: several rotations
            logger.warn("record " + i + " " + padding);
        }
        String last = "last-" + UUID.randomUUID();
        logger.warn(last);
        LogFileText.await(files, last);

        try (Stream<Path> listing = Files.list(dir)) {
            List<String> names = listing.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("upload-bridge.log", "upload-bridge.log.1", "upload-bridge.log.2"), names);
        }
        // Other bundles of the test runtime may log meanwhile and rotate the files between listing and reading.
        for (Path file : files.files()) {
            long size = sizeOrZeroWhileRotating(file);
            assertTrue(size <= maxFileBytes, file + " has " + size + " bytes");
        }
        for (Path rotated : List.of(dir.resolve("upload-bridge.log.1"), dir.resolve("upload-bridge.log.2"))) {
            assertTrue(Files.size(rotated) > maxFileBytes / 2, rotated + " has only " + Files.size(rotated) + " bytes");
        }
        assertTrue(Files.readString(files.currentFile()).contains(last));
        assertTrue(Files.readString(dir.resolve("upload-bridge.log.2")).contains(" WARN  "));
        assertFalse(Files.readString(dir.resolve("upload-bridge.log.2")).contains("record 0 "), "the oldest records are gone");
    }

    @Test
    void secretsNeverReachTheFiles() throws IOException {
        LogFiles files = configure(1_000_000, 3);
        Logger logger = logger("org.uploadbridge.test.Secrets");
        logger.warn("connecting to 192.168.1.20 with password=hunter2 and pin=4321");
        logger.warn("sent {\"pin\":\"8765\",\"licenseKey\":\"QUJDREVGMTIzNDU2Nzg5MA==\"}");
        logger.error("request refused", new IllegalStateException("Authorization: Basic dXNlcjpwYXNz was refused"));
        String marker = "secrets-done-" + UUID.randomUUID();
        logger.warn(marker);
        LogFileText.await(files, marker);

        String all = LogFileText.all(files);
        for (String secret : List.of("hunter2", "4321", "8765", "QUJDREVGMTIzNDU2Nzg5MA", "dXNlcjpwYXNz")) {
            assertFalse(all.contains(secret), secret + " reached a log file");
        }
        assertTrue(all.contains("with password=*** and pin=***"), all);
        assertTrue(all.contains("Authorization: Basic *** was refused"), all);
    }

    private LogFiles configure(long maxFileBytes, int maxFiles) {
        OsgiServices.configure("org.uploadbridge.logging",
                Map.of(LogFiles.DIRECTORY, dir.toString(), LogFiles.MAX_FILE_BYTES, maxFileBytes, LogFiles.MAX_FILES, maxFiles),
                () -> logFiles().currentFile().startsWith(dir) && logFiles().maxFileBytes() == maxFileBytes);
        return logFiles();
    }

    private static LogFiles logFiles() {
        return OsgiServices.await(LogFiles.class);
    }

    private static Logger logger(String name) {
        return OsgiServices.await(LoggerFactory.class).getLogger(name);
    }

    /** A file's size; 0 when a rotation moved it away just now (it is being replaced, never left out). */
    private static long sizeOrZeroWhileRotating(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (java.nio.file.NoSuchFileException rotatedAway) {
            return 0;
        }
    }
}
