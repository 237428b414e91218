package org.uploadbridge.licensing.vendor;

/** A missing or bad argument: the message says what is wrong and what to give instead (exit code 2). */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
