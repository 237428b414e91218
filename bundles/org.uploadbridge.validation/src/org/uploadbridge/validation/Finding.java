package org.uploadbridge.validation;

import java.util.Objects;

import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.ErrorCode;

/**
 * One result of a validation: what is wrong (a catalogued code and its rendered message), how much
 * it matters, and where. The code's title and troubleshooting steps come from {@link #entry()}.
 *
 * @param severity how much it matters
 * @param code the catalogued code; usually a {@link ValidationError}, or the code of a reader's
 *     failure when a file could not be loaded
 * @param message the catalogue message with this finding's details filled in
 * @param location where in the pattern, or {@link Location#none()}
 */
public record Finding(Severity severity, ErrorCode code, String message, Location location) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** A finding whose message is rendered from {@code code}'s catalogue entry with {@code args}. */
    public static Finding of(Severity severity, ErrorCode code, Location location, Object... args) {
        return new Finding(severity, code, code.entry().message(args), location);
    }

    /** The code's title and troubleshooting steps. */
    public CatalogEntry entry() {
        return code.entry();
    }

    @Override
    public String toString() {
        return severity + " " + code.id() + (location.isNone() ? "" : " at " + location) + ": " + message;
    }
}
