package org.uploadbridge.licensing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.io.AtomicFiles;
import org.uploadbridge.licensing.LicenceError;

/**
 * The installation's licence folder: {@code licence.json} (the file exactly as issued) and
 * {@code last-seen} (the latest time Upload Bridge saw, against clocks set back). Every write
 * replaces a file atomically, so a crash leaves the old licence or the new one.
 */
final class StoredLicence {

    static final String LICENCE = "licence.json";
    static final String LAST_SEEN = "last-seen";
    /** The latest time seen is saved at most this often: it only has to beat a clock set back by days. */
    static final Duration SAVE_EVERY = Duration.ofHours(1);
    /** Licences are a few hundred bytes: anything this large is not one. */
    static final long MAX_BYTES = 64 * 1024;

    private final Path directory;

    StoredLicence(Path directory) {
        this.directory = directory;
    }

    Path licenceFile() {
        return directory.resolve(LICENCE);
    }

    /** The installed licence's bytes; empty when none is installed. */
    Optional<byte[]> read() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(licenceFile()));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    void install(byte[] licence) throws UploadBridgeException {
        write(licenceFile(), licence);
    }

    /** Moves the licence aside (never deleted: a removal by mistake can be undone by installing that file). */
    Optional<Path> remove() throws UploadBridgeException {
        Path file = licenceFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Path aside = directory.resolve("licence.removed-" + Instant.now().toEpochMilli() + ".json");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(aside);
        } catch (IOException e) {
            throw new UploadBridgeException(LicenceError.STORE_FAILED, e, file, e.getMessage());
        }
    }

    /** The latest time seen before; the epoch when none was saved or the file is unreadable (then it is rewritten). */
    Instant lastSeen() {
        try {
            return Instant.parse(Files.readString(directory.resolve(LAST_SEEN), StandardCharsets.UTF_8).strip());
        } catch (IOException | DateTimeParseException none) {
            return Instant.EPOCH;
        }
    }

    /** Saves {@code now} when it is well past the saved time. */
    void saw(Instant now, Instant saved) throws UploadBridgeException {
        if (now.isAfter(saved.plus(SAVE_EVERY))) {
            write(directory.resolve(LAST_SEEN), now.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void write(Path file, byte[] bytes) throws UploadBridgeException {
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(file, channel -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            });
        } catch (IOException e) {
            throw new UploadBridgeException(LicenceError.STORE_FAILED, e, file, e.getMessage());
        }
    }
}
