package org.uploadbridge.validation.address;

import java.util.Objects;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The outcome of checking one typed address: the parsed address when the syntax is valid (also when
 * the policy refuses it, so a dialog can show what it is), and the refusal, if any.
 */
public record AddressCheck(String input, Optional<ParsedAddress> parsed, Optional<Refusal> refusal) {

    public AddressCheck {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(parsed, "parsed");
        Objects.requireNonNull(refusal, "refusal");
        if (parsed.isEmpty() && refusal.isEmpty()) {
            throw new IllegalArgumentException("an unparsed address must carry its refusal");
        }
    }

    public static AddressCheck allowed(ParsedAddress address) {
        return new AddressCheck(address.input(), Optional.of(address), Optional.empty());
    }

    public static AddressCheck refused(String input, Optional<ParsedAddress> parsed, Refusal refusal) {
        return new AddressCheck(input, parsed, Optional.of(refusal));
    }

    public boolean isAllowed() {
        return refusal.isEmpty();
    }

    /** The address if allowed, else the refusal as an exception with its catalogued code. */
    public ParsedAddress orThrow() throws UploadBridgeException {
        if (refusal.isPresent()) {
            throw refusal.get().toException();
        }
        return parsed.orElseThrow();
    }
}
