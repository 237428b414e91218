package org.uploadbridge.core.format;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.pattern.Pattern;

/**
 * A pattern file format. Each reader is a DS service; the {@link PatternLoader} picks the one that
 * recognises a file best. Readers never throw anything but {@link UploadBridgeException} for bad
 * input, and never allocate more than the file's size can justify.
 */
public interface PatternReader {

    /** A stable id, e.g. {@code native}, {@code raw-rgb}, {@code leds}. */
    String formatId();

    /** For file dialogs and messages, e.g. "Upload Bridge native pattern". */
    String displayName();

    /** File name extensions this format uses, lower case, without the dot. */
    List<String> fileExtensions();

    /**
     * How well this reader recognises the file from its name, size and first bytes.
     *
     * @param head up to the first 4,096 bytes of the file (read-only)
     */
    Recognition recognize(Path file, long size, ByteBuffer head);

    /** Reads the whole file. */
    Pattern read(Path file, ReadOptions options) throws UploadBridgeException;

    /** How sure a reader is that a file is in its format. */
    enum Recognition {
        /** Not this format. */
        NO,
        /** The name fits, or the content could be this format, but nothing proves it. */
        MAYBE,
        /** The content proves it (magic, header consistent with the size). */
        YES
    }
}
