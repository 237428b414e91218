package org.uploadbridge.resilience;

import org.uploadbridge.core.error.ErrorCode;

/** Calls a policy stopped before they reached the device. Texts in {@code errors.properties} beside this enum. */
public enum ResilienceError implements ErrorCode {
    /** {0} address, {1} failures in a row, {2} seconds until the next try. */
    BREAKER_OPEN("UB-R001"),
    /** {0} address, {1} uploads allowed per hour, {2} minutes until one is allowed again. */
    HOURLY_QUOTA("UB-R002"),
    /** {0} address, {1} the file's bytes, {2} the largest allowed. */
    FILE_TOO_LARGE("UB-R003"),
    /** {0} address, {1} seconds until the next upload is allowed. */
    COOLDOWN("UB-R004"),
    /** {0} address, {1} uploads allowed at once. */
    TOO_MANY_UPLOADS("UB-R005"),
    /** {0} address, {1} calls allowed at once, {2} seconds waited. */
    DEVICE_BUSY("UB-R006");

    private final String id;

    ResilienceError(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
