package org.uploadbridge.core.internal.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;

/**
 * The lines of a text file with their numbers, read through one buffer, with a cap on the length
 * of a line so a file without line breaks cannot make us build a gigantic string. Bytes are
 * decoded as ISO-8859-1, which never fails; the formats we parse are ASCII where it matters.
 */
final class TextLines {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ReadableByteChannel channel;
    private final Path file;
    private final int maxLineLength;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private byte[] line = new byte[256];
    private int number;
    private boolean endOfFile;

    TextLines(ReadableByteChannel channel, Path file, int maxLineLength) {
        this.channel = channel;
        this.file = file;
        this.maxLineLength = maxLineLength;
        buffer.limit(0);
    }

    /** The number of the line last returned, from 1. */
    int number() {
        return number;
    }

    /** The next line without its line break, or null at the end of the file. */
    String next() throws IOException, UploadBridgeException {
        int length = 0;
        boolean sawAny = false;
        while (true) {
            if (!buffer.hasRemaining() && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            byte b = buffer.get();
            if (b == '\n') {
                break;
            }
            if (length == maxLineLength) {
                throw new UploadBridgeException(PatternError.LEDS_GARBLED, file, number + 1,
                        "the line is longer than " + maxLineLength + " characters, which no real file has");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineLength, line.length * 2));
            }
            line[length++] = b;
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        // A UTF-8 byte order mark, as some editors write, decoded as ISO-8859-1.
        return number == 1 && text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text;
    }

    private boolean fill() throws IOException {
        if (endOfFile) {
            return false;
        }
        buffer.clear();
        int n;
        do {
            n = channel.read(buffer);
        } while (n == 0);
        buffer.flip();
        if (n < 0) {
            endOfFile = true;
            return false;
        }
        return true;
    }
}
