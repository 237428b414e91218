package org.uploadbridge.logging.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends text to a file that never grows beyond {@code maxFileBytes}: before a write that would
 * pass it, the file becomes {@code .1}, {@code .1} becomes {@code .2} and so on, and the oldest
 * beyond {@code maxFiles} is deleted, so the files together stay under maxFiles x maxFileBytes.
 * Not thread-safe; its owner serialises calls.
 */
final class RotatingFile implements AutoCloseable {

    private final Path file;
    private final long maxFileBytes;
    private final int maxFiles;
    private OutputStream out;
    private long size;

    RotatingFile(Path file, long maxFileBytes, int maxFiles) {
        this.file = file;
        this.maxFileBytes = Math.max(1, maxFileBytes);
        this.maxFiles = Math.max(1, maxFiles);
    }

    Path file() {
        return file;
    }

    /** The current file, then {@code .1}, {@code .2} ... as far as they exist. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (Files.exists(file)) {
            files.add(file);
        }
        for (int i = 1; i < maxFiles; i++) {
            Path older = numbered(i);
            if (Files.exists(older)) {
                files.add(older);
            }
        }
        return files;
    }

    /** Appends {@code text}, cut to the file size if it alone is larger, and flushes it. */
    void append(String text) throws IOException {
        byte[] bytes = fit(text.getBytes(StandardCharsets.UTF_8));
        if (out == null) {
            open();
        }
        if (size > 0 && size + bytes.length > maxFileBytes) {
            rotate();
        }
        out.write(bytes);
        out.flush(); // a crash right after a record must not lose it
        size += bytes.length;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        close();
        if (maxFiles == 1) {
            Files.deleteIfExists(file);
        } else {
            Files.deleteIfExists(numbered(maxFiles - 1));
            for (int i = maxFiles - 2; i >= 1; i--) {
                if (Files.exists(numbered(i))) {
                    Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path numbered(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    /** A record larger than a whole file keeps its head, cut at a UTF-8 character boundary, and a line end. */
    private byte[] fit(byte[] bytes) {
        if (bytes.length <= maxFileBytes) {
            return bytes;
        }
        int end = (int) Math.max(0, maxFileBytes - 1);
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] cut = new byte[end + 1];
        System.arraycopy(bytes, 0, cut, 0, end);
        cut[end] = '\n';
        return cut;
    }
}
