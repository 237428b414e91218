package org.uploadbridge.licensing.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
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
import org.uploadbridge.core.io.CrashSafeFile;
import org.uploadbridge.core.io.InvalidContentException;
import org.uploadbridge.core.io.LoadResult;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.internal.LicenceCodec.MalformedLicenceException;
import org.uploadbridge.licensing.internal.LicenceCodec.NotCanonicalException;

/**
 * The installation's licence folder: {@code licence.json} (the file exactly as issued) and
 * {@code last-seen} (the latest time Upload Bridge saw, against clocks set back), each a
 * {@link CrashSafeFile}: a crash or power cut leaves the old licence or the new one, and a torn
 * file is replaced by the previous version at start (and logged).
 */
final class StoredLicence {

    static final String LICENCE = "licence.json";
    static final String LAST_SEEN = "last-seen";
    /** The latest time seen is saved at most this often: it only has to beat a clock set back by days. */
    static final Duration SAVE_EVERY = Duration.ofHours(1);
    /** Licences are a few hundred bytes: anything this large is not one. */
    static final long MAX_BYTES = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(StoredLicence.class.getName());

    private final Path directory;
    private final CrashSafeFile licence;
    private final CrashSafeFile lastSeen;

    /** Opens the folder as the product does at start: recovers torn files and removes leftovers of a crash. */
    StoredLicence(Path directory) {
        this.directory = directory;
        this.licence = new CrashSafeFile(directory.resolve(LICENCE));
        this.lastSeen = new CrashSafeFile(directory.resolve(LAST_SEEN));
        recover(licence, StoredLicence::checkFormat);
        recover(lastSeen, StoredLicence::instant);
    }

    Path licenceFile() {
        return licence.path();
    }

    /** The installed licence's bytes; empty when none is installed. */
    Optional<byte[]> read() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(licence.path()));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    void install(byte[] bytes) throws UploadBridgeException {
        write(licence, bytes);
    }

    /**
     * Moves the licence, and its previous version, aside: never deleted, so a removal by mistake can
     * be undone by installing that file; not left as the backup, which a restart would restore.
     */
    Optional<Path> remove() throws UploadBridgeException {
        Path file = licence.path();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        long now = Instant.now().toEpochMilli();
        Path aside = directory.resolve("licence.removed-" + now + ".json");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            if (Files.exists(licence.backup())) {
                Files.move(licence.backup(), directory.resolve("licence.removed-" + now + ".previous.json"), StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(aside);
        } catch (IOException e) {
            throw new UploadBridgeException(LicenceError.STORE_FAILED, e, file, e.getMessage());
        }
    }

    /** The latest time seen before; the epoch when none was saved. */
    Instant lastSeen() {
        try {
            return instant(Files.readAllBytes(lastSeen.path()));
        } catch (IOException | InvalidContentException none) {
            return Instant.EPOCH; // recovered at start; gone or damaged since: the next save writes it again
        }
    }

    /** Saves {@code now} when it is well past the saved time. */
    void saw(Instant now, Instant saved) throws UploadBridgeException {
        if (now.isAfter(saved.plus(SAVE_EVERY))) {
            write(lastSeen, now.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(CrashSafeFile file, byte[] bytes) throws UploadBridgeException {
        try {
            file.write(bytes);
        } catch (IOException e) {
            throw new UploadBridgeException(LicenceError.STORE_FAILED, e, file.path(), e.getMessage());
        }
    }

    private static <T> void recover(CrashSafeFile file, CrashSafeFile.Parser<T> parser) {
        try {
            LoadResult<T> result = file.read(parser);
            if (result.recovered() || !result.problems().isEmpty()) {
                LOG.log(Level.WARNING, "{0}: {1}", file.path(), result.report());
            }
        } catch (IOException e) {
            // The licence then reads as unreadable (state() says so, with its code); nothing is written over it.
            LOG.log(Level.ERROR, "Cannot check " + file.path() + " at start: " + e.getMessage(), e);
        }
    }

    /** A licence file's format (not its signature: a vendor key may change, the file stays what it is). */
    private static byte[] checkFormat(byte[] bytes) throws InvalidContentException {
        try {
            LicenceCodec.read(bytes);
            return bytes;
        } catch (MalformedLicenceException | NotCanonicalException e) {
            throw new InvalidContentException(e.getMessage(), e);
        }
    }

    private static Instant instant(byte[] bytes) throws InvalidContentException {
        try {
            return Instant.parse(new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (DateTimeParseException e) {
            throw new InvalidContentException("not a time: " + e.getMessage(), e);
        }
    }
}
