package org.uploadbridge.core.format;

import org.uploadbridge.core.error.ErrorCode;

/**
 * Every way a pattern file can be bad, or fail to be read or written. The texts (title, message
 * with {@link java.text.MessageFormat} arguments, troubleshooting steps) live in
 * {@code errors.properties} beside this enum; {@code docs/troubleshooting.md} has a section per code.
 *
 * <p>The argument list of each code is documented on the constant; {@code {0}} is always the file.
 */
public enum PatternError implements ErrorCode {

    /** {0} file. */
    EMPTY_FILE("UB-P001"),
    /** {0} file, {1} its size in bytes. */
    TOO_SMALL_FOR_HEADER("UB-P002"),
    /** {0} file, {1} the LED count found or given. */
    INVALID_LED_COUNT("UB-P003"),
    /** {0} file. */
    NO_FRAMES("UB-P004"),
    /** {0} file, {1} expected bytes, {2} actual bytes, {3} LED count and {4} frame count the header claims. */
    SIZE_MISMATCH("UB-P005"),
    /** {0} file, {1} pixel bytes the pattern would need, {2} the limit in bytes, {3} which limit, in words. */
    TOO_LARGE_FOR_MEMORY("UB-P006"),
    /** {0} file, {1} its size in bytes, {2} the best guesses in words (may be "none"). */
    RAW_SIZE_REQUIRED("UB-P007"),
    /** {0} file, {1} its size in bytes, {2} LED count given, {3} bytes per frame. */
    RAW_SIZE_NOT_DIVISIBLE("UB-P008"),
    /** {0} file, {1} frames it would hold, {2} the most frames a pattern may have. */
    TOO_MANY_FRAMES("UB-P009"),
    /** {0} file, {1} the missing section as written in the file, e.g. <code>&#123;anim4</code>. */
    LEDS_MISSING_SECTION("UB-P010"),
    /** {0} file, {1} line number, {2} what is wrong there. */
    LEDS_GARBLED("UB-P011"),
    /** {0} file, {1} line number, {2} the bad token. */
    BAD_HEX_COLOUR("UB-P012"),
    /** {0} file, {1} line number, {2} what does not match. */
    INCONSISTENT_FRAME_SIZE("UB-P013"),
    /** {0} file, {1} line number, {2} the section found, e.g. "anim2". */
    LEDS_UNSUPPORTED_COLOUR_MODE("UB-P014"),
    /** {0} file, {1} the operating system's reason. */
    READ_FAILED("UB-P015"),
    /** {0} file, {1} the operating system's reason. */
    WRITE_FAILED("UB-P016"),
    /** {0} file. */
    FILE_NOT_FOUND("UB-P017"),
    /** {0} file, {1} the file name extensions the installed readers know. */
    UNKNOWN_FORMAT("UB-P018"),
    /** {0} geometry file, {1} what is wrong with it. */
    BAD_GEOMETRY_FILE("UB-P019"),
    /** {0} file, {1} what is wrong with the options. */
    INVALID_READ_OPTIONS("UB-P020"),
    /** {0} file, {1} reader id, {2} the failure. */
    READER_FAILED("UB-P021"),
    /** {0} folder, {1} the operating system's reason. */
    FOLDER_NOT_LISTED("UB-P022");

    private final String id;

    PatternError(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
