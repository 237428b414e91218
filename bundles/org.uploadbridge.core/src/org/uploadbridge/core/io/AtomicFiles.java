package org.uploadbridge.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that readers see either the old or the new content, never a mix: the content
 * goes to a temporary file in the same directory, is forced to disk, and is then renamed over the
 * target in one atomic step. A failure leaves the target untouched and removes the temporary file.
 */
public final class AtomicFiles {

    /** Writes the content of a file into an open channel. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Temporary files start with a dot and this infix, so they are easy to recognise and hidden on Unix. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null) {
            throw new IOException("cannot write to a file system root: " + absolute);
        }
        // Same directory as the target: a rename within one file system is atomic.
        Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(channel);
                channel.force(true);
            }
            // On POSIX this is rename(2), which replaces an existing target atomically; Windows uses
            // MoveFileEx with MOVEFILE_REPLACE_EXISTING. The directory is not fsynced: Java cannot
            // open a directory portably, and the rename already guarantees old-or-new content.
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
