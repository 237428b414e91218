package org.uploadbridge.validation.address;

import java.util.Objects;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The outcome of checking a scan range: the parsed range when its syntax is valid (also when it is
 * refused for its size or the addresses it covers), and the refusal, if any.
 */
public record RangeCheck(String input, Optional<CidrRange> range, Optional<Refusal> refusal) {

    public RangeCheck {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(refusal, "refusal");
        if (range.isEmpty() && refusal.isEmpty()) {
            throw new IllegalArgumentException("an unparsed range must carry its refusal");
        }
    }

    public boolean isAllowed() {
        return refusal.isEmpty();
    }

    /** The range if allowed, else the refusal as an exception with its catalogued code. */
    public CidrRange orThrow() throws UploadBridgeException {
        if (refusal.isPresent()) {
            throw refusal.get().toException();
        }
        return range.orElseThrow();
    }
}
