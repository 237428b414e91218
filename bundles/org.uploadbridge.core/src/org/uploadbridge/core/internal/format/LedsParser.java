package org.uploadbridge.core.internal.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

/**
 * The state machine behind {@link LedsPatternReader}: fed one line at a time, it checks the
 * structure of an LED Matrix Studio animation and collects the RGB frames of every layer.
 *
 * <p>Layout as LED Matrix Studio writes it: {@code {header ... }}, optional {@code {colours ... }},
 * then per layer {@code [layer ... ]} followed by that layer's frames, each
 * {@code {anim4 w:W h:H r:... (H rows of W colours) p:locked }}, then {@code {deadpixel ... }}.
 * Files of older versions have no {@code [layer]} and no {@code {colours}} sections.
 */
final class LedsParser {

    /** A pixel is at least 7 characters of text ("RRGGBB "), so a file holds under half its size in pixel bytes. */
    static final long PIXEL_BYTES_PER_FILE_BYTE = 1;

    private enum Section { NONE, HEADER, COLOURS, LAYER, FRAME, SKIPPED }

    private final Path file;
    private final long pixelBudget;
    private final String budgetReason;

    private Section section = Section.NONE;
    private char sectionEnd;
    private String sectionName = "";
    private int sectionLine;

    private boolean sawHeader;
    private int backgroundBgr;
    private final List<List<byte[]>> layers = new ArrayList<>();
    private long pixelBytes;
    private int width;
    private int height;
    private int firstFrameLine;

    private int frameWidth;
    private int frameHeight;
    private int rows;
    private byte[] frame;

    LedsParser(Path file, long fileSize, long maxPixelBytes) {
        this.file = file;
        long justified = fileSize * PIXEL_BYTES_PER_FILE_BYTE;
        this.pixelBudget = Math.min(justified, maxPixelBytes);
        this.budgetReason = justified <= maxPixelBytes
                ? "a .leds file of " + fileSize + " bytes cannot describe more pixels"
                : "the reader limit " + PatternFiles.MAX_PIXEL_BYTES_PROPERTY;
    }

    void accept(int number, String raw) throws UploadBridgeException {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        char first = line.charAt(0);
        if (section == Section.NONE) {
            if (first == '{' || first == '[') {
                open(number, first, line.substring(1).strip());
                return;
            }
            throw garbled(number, "text outside any section: " + shorten(line));
        }
        if (first == '}' || first == ']') {
            if (first != sectionEnd || line.length() > 1) {
                throw garbled(number, "found " + shorten(line) + " but the section " + opener() + " opened at line "
                        + sectionLine + " ends with " + sectionEnd);
            }
            close(number);
            return;
        }
        if (first == '{' || first == '[') {
            throw garbled(number, "the section " + opener() + " opened at line " + sectionLine
                    + " is not closed before " + shorten(line));
        }
        switch (section) {
            case HEADER -> header(number, keyValue(number, line));
            case FRAME -> frameLine(number, keyValue(number, line));
            case COLOURS, LAYER -> keyValue(number, line); // palette and layer names: nothing to play
            default -> { } // an unknown section's content is skipped as a whole
        }
    }

    private void open(int number, char bracket, String name) throws UploadBridgeException {
        sectionEnd = bracket == '{' ? '}' : ']';
        sectionName = bracket + name;
        sectionLine = number;
        if (bracket == '[') {
            section = name.equals("layer") ? Section.LAYER : Section.SKIPPED;
            if (section == Section.LAYER) {
                layers.add(new ArrayList<>());
            }
            return;
        }
        section = switch (name) {
            case "header" -> Section.HEADER;
            case "colours" -> Section.COLOURS;
            case "anim4" -> Section.FRAME;
            case "anim", "anim2", "anim3", "anim5" ->
                throw new UploadBridgeException(PatternError.LEDS_UNSUPPORTED_COLOUR_MODE, file, number, name);
            default -> Section.SKIPPED;
        };
        if (section == Section.HEADER) {
            sawHeader = true;
        } else if (section == Section.FRAME) {
            frameWidth = 0;
            frameHeight = 0;
            rows = 0;
            frame = null;
        }
    }

    private void close(int number) throws UploadBridgeException {
        if (section == Section.FRAME) {
            if (frame == null) {
                throw garbled(number, "the frame opened at line " + sectionLine + " has no w:, h: and r: rows");
            }
            if (rows != frameHeight) {
                throw inconsistent(number, "the frame opened at line " + sectionLine + " has " + rows
                        + " rows but h: says " + frameHeight);
            }
            if (layers.isEmpty()) {
                layers.add(new ArrayList<>()); // files without [layer] sections have one implicit layer
            }
            layers.get(layers.size() - 1).add(frame);
            frame = null;
        }
        section = Section.NONE;
    }

    private void header(int number, String[] kv) throws UploadBridgeException {
        if (kv[0].equals("z")) {
            // Delphi versions may write a negative system colour; only the low 24 bits are a colour.
            backgroundBgr = parseNumber(number, kv, Integer.MIN_VALUE, Integer.MAX_VALUE) & 0xFFFFFF;
        }
    }

    private void frameLine(int number, String[] kv) throws UploadBridgeException {
        switch (kv[0]) {
            case "w" -> frameWidth = dimension(number, kv);
            case "h" -> frameHeight = dimension(number, kv);
            case "r" -> row(number, kv[1]);
            default -> { } // p: locked flag, and keys of newer versions
        }
    }

    private int dimension(int number, String[] kv) throws UploadBridgeException {
        if (frame != null) {
            throw garbled(number, kv[0] + ": comes after the rows of the frame; it must come before them");
        }
        return parseNumber(number, kv, 1, Pattern.MAX_LEDS);
    }

    private void row(int number, String colours) throws UploadBridgeException {
        if (frame == null) {
            startFrame(number);
        }
        if (rows == frameHeight) {
            throw inconsistent(number, "the frame opened at line " + sectionLine + " has more rows than h: " + frameHeight);
        }
        int column = 0;
        int at = 0;
        int end = colours.length();
        while (true) {
            while (at < end && isSpace(colours.charAt(at))) {
                at++;
            }
            if (at == end) {
                break;
            }
            int tokenEnd = at;
            while (tokenEnd < end && !isSpace(colours.charAt(tokenEnd))) {
                tokenEnd++;
            }
            if (column == frameWidth) {
                throw inconsistent(number, "the row has more colours than w: " + frameWidth);
            }
            int bgr = hexColour(number, colours, at, tokenEnd);
            // LED Matrix Studio stores Windows colours, 0x00BBGGRR, and writes them as 6 hex digits.
            int i = (rows * frameWidth + column) * 3;
            frame[i] = (byte) bgr;
            frame[i + 1] = (byte) (bgr >> 8);
            frame[i + 2] = (byte) (bgr >> 16);
            column++;
            at = tokenEnd;
        }
        if (column != frameWidth) {
            throw inconsistent(number, "the row has " + column + " colours but w: says " + frameWidth);
        }
        rows++;
    }

    private void startFrame(int number) throws UploadBridgeException {
        if (frameWidth == 0 || frameHeight == 0) {
            throw garbled(number, "a row comes before the w: and h: of its frame");
        }
        long leds = (long) frameWidth * frameHeight;
        if (leds > Pattern.MAX_LEDS) {
            throw new UploadBridgeException(PatternError.INVALID_LED_COUNT, file, leds);
        }
        if (firstFrameLine == 0) {
            width = frameWidth;
            height = frameHeight;
            firstFrameLine = sectionLine;
        } else if (frameWidth != width || frameHeight != height) {
            throw inconsistent(number, "the frame opened at line " + sectionLine + " is " + frameWidth + " x " + frameHeight
                    + " but the first frame (line " + firstFrameLine + ") is " + width + " x " + height);
        }
        long bytes = leds * 3;
        if (pixelBytes + bytes > pixelBudget) {
            throw PatternFiles.tooLarge(file, pixelBytes + bytes, pixelBudget, budgetReason);
        }
        pixelBytes += bytes;
        frame = new byte[(int) bytes];
    }

    /** The pattern read so far; call once at the end of the file. */
    Pattern finish(int lastLine, int frameDelayMs, long maxPixelBytes) throws UploadBridgeException {
        if (section != Section.NONE) {
            throw garbled(lastLine, "the section " + opener() + " opened at line " + sectionLine + " is never closed");
        }
        if (!sawHeader) {
            throw new UploadBridgeException(PatternError.LEDS_MISSING_SECTION, file, "{header");
        }
        List<byte[]> bottom = layers.stream().filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
        if (bottom.isEmpty()) {
            throw new UploadBridgeException(PatternError.LEDS_MISSING_SECTION, file, "{anim4");
        }
        int frames = bottom.size();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).size() != frames) {
                throw garbled(lastLine, "layer " + (i + 1) + " has " + layers.get(i).size() + " frames but the first has " + frames
                        + "; every layer must have the same frames");
            }
        }
        if (frames > Pattern.MAX_FRAMES) {
            throw new UploadBridgeException(PatternError.TOO_MANY_FRAMES, file, frames, Pattern.MAX_FRAMES);
        }
        int frameBytes = width * height * 3;
        byte[] rgb = PatternFiles.allocatePixels(file, (long) frames * frameBytes, maxPixelBytes);
        for (int f = 0; f < frames; f++) {
            System.arraycopy(bottom.get(f), 0, rgb, f * frameBytes, frameBytes);
            for (int layer = 1; layer < layers.size(); layer++) {
                overlay(layers.get(layer).get(f), rgb, f * frameBytes);
            }
        }
        int[] delays = new int[frames];
        Arrays.fill(delays, frameDelayMs);
        return Pattern.of(width * height, delays, rgb, MatrixGeometry.rows(width, height));
    }

    /** Upper layers cover the ones below except where they show the background colour (transparent). */
    private void overlay(byte[] upper, byte[] rgb, int offset) {
        byte r = (byte) backgroundBgr;
        byte g = (byte) (backgroundBgr >> 8);
        byte b = (byte) (backgroundBgr >> 16);
        for (int i = 0; i < upper.length; i += 3) {
            if (upper[i] != r || upper[i + 1] != g || upper[i + 2] != b) {
                rgb[offset + i] = upper[i];
                rgb[offset + i + 1] = upper[i + 1];
                rgb[offset + i + 2] = upper[i + 2];
            }
        }
    }

    private int hexColour(int number, String text, int from, int to) throws UploadBridgeException {
        if (to - from != 6) {
            throw badHex(number, text.substring(from, to));
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw badHex(number, text.substring(from, to));
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private String[] keyValue(int number, String line) throws UploadBridgeException {
        if (line.length() < 2 || line.charAt(1) != ':') {
            throw garbled(number, "expected key:value in the section " + opener() + ", found " + shorten(line));
        }
        return new String[] {line.substring(0, 1), line.substring(2).strip()};
    }

    private int parseNumber(int number, String[] kv, int min, int max) throws UploadBridgeException {
        try {
            int value = Integer.parseInt(kv[1]);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new UploadBridgeException(PatternError.LEDS_GARBLED, e, file, number,
                    kv[0] + ": must be a whole number, found " + shorten(kv[1]));
        }
        throw garbled(number, kv[0] + ": must be " + min + ".." + max + ", found " + kv[1]);
    }

    private String opener() {
        return sectionName;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String shorten(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }

    private UploadBridgeException garbled(int number, String what) {
        return new UploadBridgeException(PatternError.LEDS_GARBLED, file, number, what);
    }

    private UploadBridgeException inconsistent(int number, String what) {
        return new UploadBridgeException(PatternError.INCONSISTENT_FRAME_SIZE, file, number, what);
    }

    private UploadBridgeException badHex(int number, String token) {
        return new UploadBridgeException(PatternError.BAD_HEX_COLOUR, file, number,
                token.length() > 20 ? token.substring(0, 20) + "..." : token);
    }
}
