package org.uploadbridge.core.error;

import java.util.Arrays;
import java.util.Objects;

/**
 * A failure the user can act on: it carries a catalogued {@link ErrorCode} and the arguments of
 * that code's message, so the workbench and the CLI render the same title, text and steps.
 */
public class UploadBridgeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;
    private final transient Object[] args;

    public UploadBridgeException(ErrorCode code, Object... args) {
        this(code, null, args);
    }

    public UploadBridgeException(ErrorCode code, Throwable cause, Object... args) {
        super(Objects.requireNonNull(code, "code").id() + ": " + code.entry().message(args), cause);
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public ErrorCode code() {
        return code;
    }

    public CatalogEntry entry() {
        return code.entry();
    }

    /** The catalogue message with this failure's details filled in (without the code prefix). */
    public String detail() {
        return code.entry().message(args);
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }
}
