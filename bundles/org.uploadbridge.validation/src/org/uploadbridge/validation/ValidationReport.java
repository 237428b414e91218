package org.uploadbridge.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.uploadbridge.core.error.ErrorCode;

/**
 * The findings of one or more validations, in the order they were found. Immutable.
 */
public record ValidationReport(List<Finding> findings) {

    private static final ValidationReport EMPTY = new ValidationReport(List.of());

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    public static ValidationReport empty() {
        return EMPTY;
    }

    public static ValidationReport of(Finding... findings) {
        return new ValidationReport(List.of(findings));
    }

    /** True when no finding is an {@link Severity#ERROR}: warnings and infos do not block. */
    public boolean isValid() {
        for (Finding finding : findings) {
            if (finding.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    public List<Finding> errors() {
        return withSeverity(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return withSeverity(Severity.WARNING);
    }

    public List<Finding> infos() {
        return withSeverity(Severity.INFO);
    }

    public List<Finding> withSeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The findings with {@code code}, e.g. to show all frames with the same problem. */
    public List<Finding> withCode(ErrorCode code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    public boolean contains(ErrorCode code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }

    /** This report's findings followed by {@code other}'s. */
    public ValidationReport merge(ValidationReport other) {
        Objects.requireNonNull(other, "other");
        if (other.findings.isEmpty()) {
            return this;
        }
        if (findings.isEmpty()) {
            return other;
        }
        List<Finding> all = new ArrayList<>(findings.size() + other.findings.size());
        all.addAll(findings);
        all.addAll(other.findings);
        return new ValidationReport(all);
    }
}
