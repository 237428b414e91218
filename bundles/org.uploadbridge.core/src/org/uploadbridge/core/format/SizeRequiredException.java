package org.uploadbridge.core.format;

import java.util.List;

import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * A headerless file was opened without a size: carries the ranked guesses the user may confirm.
 */
public class SizeRequiredException extends UploadBridgeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SizeGuess> guesses;

    public SizeRequiredException(ErrorCode code, List<SizeGuess> guesses, Object... args) {
        super(code, args);
        this.guesses = List.copyOf(guesses);
    }

    /** Ranked candidates, best first; may be empty when the size fits no layout. */
    public List<SizeGuess> guesses() {
        return guesses;
    }
}
