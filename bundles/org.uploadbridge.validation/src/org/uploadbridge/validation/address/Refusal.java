package org.uploadbridge.validation.address;

import java.util.List;
import java.util.Objects;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.Location;
import org.uploadbridge.validation.Severity;
import org.uploadbridge.validation.ValidationError;

/**
 * Why an address or range is refused: a catalogued code and the arguments of its message (the
 * input as typed first), so that the same text and steps reach dialogs, the CLI and logs.
 */
public record Refusal(ValidationError code, List<Object> args) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Refusal of(ValidationError code, Object... args) {
        return new Refusal(code, List.of(args));
    }

    /** The catalogue message with the details filled in. */
    public String message() {
        return code.entry().message(args.toArray());
    }

    public Finding toFinding() {
        return new Finding(Severity.ERROR, code, message(), Location.none());
    }

    public UploadBridgeException toException() {
        return new UploadBridgeException(code, args.toArray());
    }

    @Override
    public String toString() {
        return code.id() + ": " + message();
    }
}
