package org.uploadbridge.core.error;

/**
 * Failures of the application itself rather than of a pattern, a device or a policy: settings,
 * files it exports, views, the simulator, and defects. Texts in {@code errors.properties} beside
 * this enum; a section per code in {@code docs/troubleshooting.md}.
 */
public enum ApplicationError implements ErrorCode {
    /** {0} what was being done, {1} the unexpected failure (type and message), {2} the log file. */
    INTERNAL("UB-A001"),
    /** {0} the service, {1} what needed it. */
    SERVICE_MISSING("UB-A002"),
    /** {0} the file, {1} the operating system's reason. */
    EXPORT_FAILED("UB-A003"),
    /** {0} which settings, {1} the reason. */
    SETTINGS_NOT_SAVED("UB-A004"),
    /** {0} which settings, {1} the reason. */
    SETTINGS_NOT_READ("UB-A005"),
    /** {0} the view or editor, {1} the reason. */
    VIEW_NOT_OPENED("UB-A006"),
    /** {0} the addresses and port, {1} the reason. */
    SIMULATOR_NOT_STARTED("UB-A007"),
    /** {0} the file, {1} why it is not a firmware bundle or could not be installed. */
    NOT_A_FIRMWARE_BUNDLE("UB-A008");

    private final String id;

    ApplicationError(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * An unexpected failure as a catalogued one: {@code doing} says what was being done, {@code log}
     * where the stack trace was written. A catalogued failure, or one caused by a catalogued failure
     * (a catalogued error carried through an unchecked exception), is returned as it is.
     */
    public static UploadBridgeException internal(String doing, Throwable failure, String log) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UploadBridgeException catalogued) {
                return catalogued;
            }
        }
        String what = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return new UploadBridgeException(INTERNAL, failure, doing, what, log);
    }
}
