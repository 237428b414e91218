package org.uploadbridge.core.internal.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.PatternReader.Recognition;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;

/**
 * Opens a pattern file with the registered reader that recognises it best. Reads the size and the
 * first {@value #HEAD_BYTES} bytes once and asks every reader; YES beats MAYBE, and among equals
 * a reader whose extensions include the file's wins, then the better-known format. Readers come
 * and go at run time (dynamic, greedy reference).
 */
@Component(service = PatternLoader.class)
public final class DefaultPatternLoader implements PatternLoader {

    static final int HEAD_BYTES = 4096;
    /** Formats that prove themselves come before raw data, which any file could be. */
    private static final List<String> PREFERRED_ORDER = List.of("native", "leds", "raw-rgb");

    private final List<PatternReader> readers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeReader")
    void addReader(PatternReader reader) {
        readers.add(reader);
    }

    void removeReader(PatternReader reader) {
        readers.remove(reader);
    }

    @Override
    public List<PatternReader> readers() {
        return readers.stream().sorted(Comparator.comparingInt(DefaultPatternLoader::preference)
                .thenComparing(PatternReader::formatId)).toList();
    }

    private static int preference(PatternReader reader) {
        int index = PREFERRED_ORDER.indexOf(reader.formatId());
        return index < 0 ? PREFERRED_ORDER.size() : index;
    }

    @Override
    public LoadedPattern load(Path file, ReadOptions options) throws UploadBridgeException {
        Objects.requireNonNull(file, "file");
        ReadOptions given = options == null ? ReadOptions.none() : options;
        long size;
        ByteBuffer head;
        try (FileChannel channel = PatternFiles.openForReading(file)) {
            size = channel.size();
            head = ByteBuffer.allocate((int) Math.min(HEAD_BYTES, size));
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // fill the head; a shorter file simply ends it
            }
            head.flip();
        } catch (IOException e) {
            // Opening a directory succeeds on some systems and fails on the first read.
            throw PatternFiles.readFailure(file, e);
        }
        if (size == 0) {
            throw new UploadBridgeException(PatternError.EMPTY_FILE, file);
        }
        List<PatternReader> candidates = readers();
        PatternReader best = null;
        int bestScore = 0;
        String extension = PatternFiles.extensionOf(file);
        for (PatternReader reader : candidates) {
            Recognition recognition = recognize(reader, file, size, head);
            if (recognition == null || recognition == Recognition.NO) {
                continue;
            }
            int score = recognition.ordinal() * 2 + (reader.fileExtensions().contains(extension) ? 1 : 0);
            if (score > bestScore) {
                best = reader;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new UploadBridgeException(PatternError.UNKNOWN_FORMAT, file, knownExtensions(candidates));
        }
        return new LoadedPattern(file, best.formatId(), size, read(best, file, given));
    }

    private static Recognition recognize(PatternReader reader, Path file, long size, ByteBuffer head)
            throws UploadBridgeException {
        try {
            return reader.recognize(file, size, head.asReadOnlyBuffer());
        } catch (RuntimeException e) {
            throw new UploadBridgeException(PatternError.READER_FAILED, e, file, reader.formatId(), e.toString());
        }
    }

    private static Pattern read(PatternReader reader, Path file, ReadOptions options) throws UploadBridgeException {
        try {
            return reader.read(file, options);
        } catch (RuntimeException e) {
            // The reader contract allows only catalogued failures: report the defect with its cause.
            throw new UploadBridgeException(PatternError.READER_FAILED, e, file, reader.formatId(), e.toString());
        }
    }

    private static String knownExtensions(List<PatternReader> readers) {
        TreeSet<String> extensions = new TreeSet<>();
        readers.forEach(reader -> reader.fileExtensions().forEach(ext -> extensions.add("." + ext)));
        return extensions.isEmpty() ? "none (no pattern readers are installed)" : String.join(", ", extensions);
    }
}
