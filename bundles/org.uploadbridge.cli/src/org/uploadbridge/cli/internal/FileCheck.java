package org.uploadbridge.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.SizeGuess;
import org.uploadbridge.core.format.SizeRequiredException;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.ValidationReport;

/**
 * The outcome of checking one file, in the shape {@code --json} prints: what the file holds and
 * every finding with its catalogue entry (code, title, message, troubleshooting steps).
 */
record FileCheck(String file, boolean valid, String format, Integer leds, Integer frames, Long nativeSize,
        String geometry, List<Issue> findings, List<Guess> sizeGuesses) {

    record Issue(String severity, String code, String title, String message, Integer frame, Integer led,
            List<String> steps, String doc) {
    }

    record Guess(int rank, int width, int height, int frames, String reason) {
    }

    static FileCheck of(Path file, LoadedPattern loaded, ValidationReport report) {
        List<Issue> issues = new ArrayList<>();
        for (Finding f : report.findings()) {
            CatalogEntry entry = f.code().entry();
            issues.add(new Issue(f.severity().name(), entry.code(), entry.title(), f.message(),
                    f.location().frame().isPresent() ? f.location().frame().getAsInt() : null,
                    f.location().led().isPresent() ? f.location().led().getAsInt() : null, entry.steps(), entry.docReference()));
        }
        var pattern = loaded.pattern();
        String geometry = pattern.geometry().map(g -> g.width() + "x" + g.height()).orElse(null);
        return new FileCheck(file.toString(), report.isValid(), loaded.formatId(), pattern.ledCount(), pattern.frameCount(),
                pattern.nativeSize(), geometry, issues, List.of());
    }

    static FileCheck failed(Path file, UploadBridgeException error) {
        CatalogEntry entry = error.entry();
        Issue issue = new Issue("ERROR", entry.code(), entry.title(), error.detail(), null, null, entry.steps(), entry.docReference());
        List<Guess> guesses = new ArrayList<>();
        if (error instanceof SizeRequiredException sizeRequired) {
            for (SizeGuess g : sizeRequired.guesses()) {
                guesses.add(new Guess(g.rank(), g.width(), g.height(), g.frameCount(), g.reason()));
            }
        }
        return new FileCheck(file.toString(), false, null, null, null, null, null, List.of(issue), guesses);
    }
}
