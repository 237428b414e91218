package org.uploadbridge.validation.pattern;

import java.util.Objects;
import java.util.Optional;

import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.validation.ValidationReport;

/**
 * A pattern file loaded and validated: the pattern when the file could be read (so a caller can
 * upload it without reading a large file twice) and the findings.
 */
public record FileValidation(Optional<LoadedPattern> loaded, ValidationReport report) {

    public FileValidation {
        Objects.requireNonNull(loaded, "loaded");
        Objects.requireNonNull(report, "report");
    }
}
