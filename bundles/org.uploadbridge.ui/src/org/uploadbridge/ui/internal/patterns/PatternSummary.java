package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Path;

import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.ValidationReport;

/**
 * One row of the pattern library: what a file holds and whether it is valid. A file that could not
 * be read keeps its catalogued problem instead of numbers.
 */
public record PatternSummary(Path file, long fileSize, long lastModified, String formatId, int ledCount,
        int frameCount, MatrixGeometry geometry, State state, String problem) {

    /** Validation state, from the worst finding. */
    public enum State { VALID, WARNINGS, INVALID, NEEDS_SIZE, UNREADABLE }

    static PatternSummary of(LoadedPattern loaded, long lastModified, ValidationReport report) {
        State state = !report.isValid() ? State.INVALID : report.warnings().isEmpty() ? State.VALID : State.WARNINGS;
        String problem = report.findings().stream().findFirst().map(PatternSummary::describe).orElse("");
        return new PatternSummary(loaded.file(), loaded.fileSize(), lastModified, loaded.formatId(),
                loaded.pattern().ledCount(), loaded.pattern().frameCount(), loaded.pattern().geometry().orElse(null),
                state, problem);
    }

    static PatternSummary failed(Path file, long size, long lastModified, State state, String problem) {
        return new PatternSummary(file, size, lastModified, "?", 0, 0, null, state, problem);
    }

    private static String describe(Finding finding) {
        return finding.code().id() + " " + finding.message();
    }

    public String sizeText() {
        return geometry == null ? ledCount + " LEDs" : geometry.width() + " x " + geometry.height();
    }
}
