package org.uploadbridge.logging.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.uploadbridge.logging.LogFiles;

/** Reads what the log files hold; log listeners run on their own thread, so tests wait for a marker. */
final class LogFileText {

    private static final long TIMEOUT_MS = 10_000;

    private LogFileText() {
    }

    /** All files' text once {@code marker} is in it. */
    static String await(LogFiles files, String marker) {
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        while (true) {
            String text = all(files);
            if (text.contains(marker)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(marker + " not in " + files.files() + " within " + TIMEOUT_MS + " ms:\n" + text);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String all(LogFiles files) {
        StringBuilder all = new StringBuilder();
        for (Path file : files.files()) {
            try {
                all.append(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    /** The one line that holds {@code marker}; fails when there is none or more than one (a record logged twice). */
    static String onlyLine(String text, String marker) {
        var lines = text.lines().filter(l -> l.contains(marker)).toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected one line with " + marker + ", found " + lines.size() + ":\n" + text);
        }
        return lines.get(0);
    }
}
