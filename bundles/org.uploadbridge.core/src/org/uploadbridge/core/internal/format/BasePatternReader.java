package org.uploadbridge.core.internal.format;

import java.util.List;
import java.util.Map;

import org.uploadbridge.core.format.PatternReader;

/**
 * What every built-in reader shares: its name and extensions, and the cap on the pixel bytes of
 * one pattern from component property {@value PatternFiles#MAX_PIXEL_BYTES_PROPERTY}.
 */
abstract class BasePatternReader implements PatternReader {

    private final String formatId;
    private final String displayName;
    private final List<String> fileExtensions;
    protected final long maxPixelBytes;

    BasePatternReader(String formatId, String displayName, List<String> fileExtensions, Map<String, Object> properties) {
        this.formatId = formatId;
        this.displayName = displayName;
        this.fileExtensions = List.copyOf(fileExtensions);
        this.maxPixelBytes = PatternFiles.maxPixelBytes(properties);
    }

    @Override
    public final String formatId() {
        return formatId;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final List<String> fileExtensions() {
        return fileExtensions;
    }
}
