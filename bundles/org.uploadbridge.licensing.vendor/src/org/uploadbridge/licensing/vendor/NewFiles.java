package org.uploadbridge.licensing.vendor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.uploadbridge.core.io.AtomicFiles;

/** The files the tool makes: never over an existing one, and whole or not at all. */
final class NewFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private NewFiles() {
    }

    static void refuseExisting(Path file, String why) throws UsageException {
        if (Files.exists(file)) {
            throw new UsageException(file + " already exists and is never overwritten (" + why + "). Give another name, or move it away first.");
        }
    }

    /**
     * Writes {@code content} to the new {@code file} atomically. The temporary file is created
     * owner-only, so a private key is never readable by others, not even for a moment.
     */
    static void write(Path file, byte[] content, Set<PosixFilePermission> permissions, String why) throws UsageException, IOException {
        refuseExisting(file, why);
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException("the folder of " + file + " does not exist: create it, or give a file in an existing folder.");
        }
        AtomicFiles.write(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }
}
