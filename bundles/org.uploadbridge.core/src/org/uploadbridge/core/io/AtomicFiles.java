package org.uploadbridge.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a file so that readers see either the old or the new content, never a mix: the content
 * goes to a temporary file in the same directory, is forced to disk, and is then renamed over the
 * target in one atomic step, and the directory is forced too. A failure leaves the target untouched
 * and removes the temporary file. {@link CrashSafeFile} adds a previous version and recovery on top.
 */
public final class AtomicFiles {

    /** Writes the content of a file into an open channel. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Temporary files start with a dot and this infix, so they are easy to recognise and hidden on Unix. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** Windows cannot open a directory as a channel; NTFS journals the rename itself. */
    private static final boolean DIRECTORY_SYNC = !System.getProperty("os.name", "").startsWith("Windows");

    private AtomicFiles() {
    }

    /** A step between forcing the new content and the rename (see {@link CrashSafeFile}). */
    @FunctionalInterface
    interface BeforeReplace {
        void run() throws IOException;
    }

    public static void write(Path target, ContentWriter content) throws IOException {
        write(target, content, () -> {
        });
    }

    static void write(Path target, ContentWriter content, BeforeReplace beforeReplace) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = directoryOf(absolute);
        // Same directory as the target: a rename within one file system is atomic.
        Path temp = Files.createTempFile(directory, tempPrefix(absolute), TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(channel);
                channel.force(true);
            }
            beforeReplace.run();
            // On POSIX this is rename(2), which replaces an existing target atomically; Windows uses
            // MoveFileEx with MOVEFILE_REPLACE_EXISTING.
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        forceDirectory(directory);
    }

    /**
     * Forces a directory's entries to disk. A rename lives in the directory, not in the file: without
     * this a power cut after {@link #write} returned may bring back the old name (or, on some file
     * systems, an empty file), although the new content itself was forced.
     */
    public static void forceDirectory(Path directory) throws IOException {
        if (DIRECTORY_SYNC) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    /**
     * Deletes the temporary files a killed {@link #write} to {@code target} left behind (they were
     * never renamed in, so they hold nothing the target ever had) and returns them.
     */
    public static List<Path> removeLeftovers(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = directoryOf(absolute);
        String prefix = tempPrefix(absolute);
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory,
                f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(TEMP_SUFFIX))) {
            for (Path temp : temps) {
                if (Files.deleteIfExists(temp)) {
                    removed.add(temp);
                }
            }
        } catch (NoSuchFileException noDirectoryYet) {
            return List.of();
        }
        return removed;
    }

    private static String tempPrefix(Path absolute) {
        return "." + absolute.getFileName() + ".";
    }

    private static Path directoryOf(Path absolute) throws IOException {
        Path directory = absolute.getParent();
        if (directory == null) {
            throw new IOException("cannot write to a file system root: " + absolute);
        }
        return directory;
    }
}
