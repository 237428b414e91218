package org.uploadbridge.core.io;

/**
 * A {@link CrashSafeFile.Parser}'s verdict that a file's bytes are not a valid version (torn,
 * truncated, unparseable, badly signed): the store then falls back to the previous version.
 */
public final class InvalidContentException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidContentException(String problem) {
        super(problem);
    }

    public InvalidContentException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
