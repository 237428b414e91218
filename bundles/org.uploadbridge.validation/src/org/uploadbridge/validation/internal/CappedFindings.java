package org.uploadbridge.validation.internal;

import java.util.List;

import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.Location;
import org.uploadbridge.validation.Severity;
import org.uploadbridge.validation.ValidationError;

/**
 * Lists per-frame findings of one code up to a cap and summarises the rest in one finding, so a
 * pattern of 10,000 bad frames gives a readable report rather than 10,000 lines.
 */
final class CappedFindings {

    /** Builds the finding of one affected frame. */
    @FunctionalInterface
    interface FrameFinding {
        Finding at(int frame);
    }

    private CappedFindings() {
    }

    /**
     * Adds findings for the first {@code cap} of {@code affectedFrames} (ascending frame indices,
     * {@code count} of them, each starting a run of affected frames) to {@code out}, then a
     * {@link ValidationError#MORE_FINDINGS_NOT_LISTED} summary with the same severity when some were
     * left out; {@code affectedTotal} is the number of frames all the runs cover.
     */
    static void add(List<Finding> out, int[] affectedFrames, int count, int affectedTotal, int cap, ValidationError code,
            Severity severity, FrameFinding finding) {
        int listed = Math.min(count, cap);
        for (int i = 0; i < listed; i++) {
            out.add(finding.at(affectedFrames[i]));
        }
        if (count > listed) {
            int firstOmitted = affectedFrames[listed];
            out.add(Finding.of(severity, ValidationError.MORE_FINDINGS_NOT_LISTED, Location.frame(firstOmitted),
                    count - listed, code.id(), affectedTotal, firstOmitted + 1));
        }
    }
}
