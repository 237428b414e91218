package org.uploadbridge.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A file that survives a crash or power cut at any moment of a write: after it the file holds the
 * old or the new version, and the version before the last write is kept as {@code <name>.bak}.
 * <p>
 * {@link #write} writes a temporary file and forces it, keeps the current version as the backup (a
 * hard link, else a copy), renames the temporary file over the current one and forces the directory
 * (see {@link AtomicFiles}).
 * {@link #read} is what a program does at start: it removes temporary files of an interrupted write,
 * and when the file is missing or the caller's parser refuses it, restores the previous version and
 * moves the refused file to {@code <name>.unreadable-<millis>}. Nothing is ever deleted but the
 * temporary files, which never became the file.
 * <p>
 * One instance per file and process; its methods are synchronized. For example:
 * <pre>
 * CrashSafeFile store = new CrashSafeFile(dir.resolve("licence.json"));
 * LoadResult&lt;Licence&gt; loaded = store.read(bytes -&gt; Licence.parseAndVerify(bytes));
 * if (loaded.recovered()) log.error("{}: {}", store.path(), loaded.report());
 * store.write(licence.toBytes());
 * </pre>
 */
public final class CrashSafeFile {

    /** Checks and decodes a version of the file: a JSON parse, a signature check. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(byte[] content) throws InvalidContentException;
    }

    public static final String BACKUP_SUFFIX = ".bak";
    /** Refused files are renamed to their name, this infix and the time in milliseconds. */
    public static final String SET_ASIDE_INFIX = ".unreadable-";

    private final Path file;
    private final Path backup;

    public CrashSafeFile(Path file) {
        this.file = file.toAbsolutePath();
        this.backup = this.file.resolveSibling(this.file.getFileName() + BACKUP_SUFFIX);
    }

    public Path path() {
        return file;
    }

    /** Where the version before the last write is kept. */
    public Path backup() {
        return backup;
    }

    public synchronized void write(byte[] content) throws IOException {
        write(all(content));
    }

    /** Replaces the file, creating its directory if needed; the version it replaces becomes the backup. */
    public synchronized void write(AtomicFiles.ContentWriter content) throws IOException {
        Files.createDirectories(file.getParent());
        // The backup is taken once the new content is safe on disk, so a failed write changes nothing.
        AtomicFiles.write(file, content, this::keepPrevious);
    }

    /**
     * The current version if the parser accepts it, else the previous one, restored as the current
     * file; see {@link LoadResult}. Call it once at start, before the first {@link #write}, which
     * would otherwise make an unchecked file the backup. Fails when a file cannot be read, moved or
     * written (permissions, I/O); a file set aside by then stays aside, and the next read goes on.
     */
    public synchronized <T> LoadResult<T> read(Parser<T> parser) throws IOException {
        List<Path> leftovers = AtomicFiles.removeLeftovers(file);
        List<String> problems = new ArrayList<>();
        List<Path> setAside = new ArrayList<>();
        Optional<byte[]> current = bytes(file);
        if (current.isPresent()) {
            try {
                return new LoadResult<>(Optional.of(parser.parse(current.get())), LoadResult.Source.CURRENT, problems,
                        setAside, leftovers);
            } catch (InvalidContentException refused) {
                problems.add(file.getFileName() + " is damaged (" + refused.getMessage() + ")");
            }
        }
        Optional<byte[]> previous = bytes(backup);
        if (current.isEmpty() && previous.isPresent()) {
            problems.add(file.getFileName() + " is missing");
        }
        Optional<T> restored = Optional.empty();
        if (previous.isPresent()) {
            try {
                restored = Optional.of(parser.parse(previous.get()));
            } catch (InvalidContentException refused) {
                problems.add(backup.getFileName() + " is damaged too (" + refused.getMessage() + ")");
            }
        }
        if (current.isPresent()) {
            setAside.add(setAside(file));
        }
        if (restored.isPresent()) {
            // A copy, not a rename: the backup stays in place until the restored file is on disk.
            AtomicFiles.write(file, all(previous.get()));
            return new LoadResult<>(restored, LoadResult.Source.PREVIOUS, problems, setAside, leftovers);
        }
        if (previous.isPresent()) {
            setAside.add(setAside(backup));
        }
        return new LoadResult<>(Optional.empty(), LoadResult.Source.NONE, problems, setAside, leftovers);
    }

    /** Makes the current version the backup, so that a file damaged later can fall back to it. */
    private void keepPrevious() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        if (Files.exists(backup) && Files.isSameFile(file, backup)) {
            return; // a write was interrupted after this step: the backup already is the current version
        }
        // A temporary name first, so that the backup is replaced by one atomic rename, never missing or partial.
        Path link = file.resolveSibling("." + file.getFileName() + ".bak-" + UUID.randomUUID() + AtomicFiles.TEMP_SUFFIX);
        try {
            Files.createLink(link, file);
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            try {
                // File systems without hard links (FAT): a forced copy, as safe, only slower.
                AtomicFiles.write(backup, all(Files.readAllBytes(file)));
                return;
            } catch (IOException copyFailed) {
                copyFailed.addSuppressed(noHardLinks);
                throw copyFailed;
            }
        }
        Files.move(link, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path setAside(Path refused) throws IOException {
        String stem = refused.getFileName() + SET_ASIDE_INFIX + System.currentTimeMillis();
        Path aside = refused.resolveSibling(stem);
        for (int n = 1; Files.exists(aside); n++) {
            aside = refused.resolveSibling(stem + "-" + n);
        }
        Files.move(refused, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    private static Optional<byte[]> bytes(Path path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    private static AtomicFiles.ContentWriter all(byte[] content) {
        return channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        };
    }
}
