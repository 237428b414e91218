package org.uploadbridge.core.device;

import org.uploadbridge.core.error.ErrorCode;

/**
 * Failures talking to a device, shared by every firmware driver. Texts in {@code errors.properties}
 * beside this enum; a section per code in {@code docs/troubleshooting.md}.
 */
public enum DeviceError implements ErrorCode {
    /** {0} address, {1} the operation. */
    NOT_SUPPORTED("UB-D001"),
    /** {0} address, {1} the reason (connection refused, no route, ...). */
    UNREACHABLE("UB-D002"),
    /** {0} address, {1} the operation, {2} the timeout in seconds. */
    TIMED_OUT("UB-D003"),
    /** {0} address, {1} the redirect target. */
    REDIRECT_REFUSED("UB-D004"),
    /** {0} address, {1} the limit in bytes. */
    RESPONSE_TOO_LARGE("UB-D005"),
    /** {0} address, {1} what was wrong with the answer. */
    MALFORMED_RESPONSE("UB-D006"),
    /** {0} address, {1} the HTTP status, {2} the device's message. */
    UNEXPECTED_STATUS("UB-D007"),
    /** {0} address, {1} the file name. */
    REJECTED_FILE_NAME("UB-D008"),
    /** {0} address, {1} the device's message. */
    REJECTED_PATTERN_SIZE("UB-D009"),
    /** {0} address, {1} the device's message. */
    REJECTED_LED_COUNT("UB-D010"),
    /** {0} address, {1} the device's message. */
    REJECTED_FRAME_COUNT("UB-D011"),
    /** {0} address, {1} pattern bytes. */
    OUT_OF_MEMORY("UB-D012"),
    /** {0} address, {1} the device's message. */
    REJECTED("UB-D013"),
    /** {0} address, {1} what the device reports, {2} what was sent. */
    VERIFY_MISMATCH("UB-D014"),
    /** {0} address, {1} the operation. */
    CANCELLED("UB-D015"),
    /** {0} address. */
    NOT_RECOGNISED("UB-D016"),
    /** {0} address, {1} the first problem found, {2} how many problems in all. */
    PATTERN_DOES_NOT_FIT("UB-D017"),
    /** {0} the interfaces configured (or "every up interface"), {1} why browsing failed. */
    MDNS_UNAVAILABLE("UB-D018"),
    /** {0} address, {1} the file, {2} the reader's first finding (code and message). */
    PATTERN_UNREADABLE("UB-D019"),
    /** {0} address, {1} the operation the device refused. */
    LOCKED("UB-D020"),
    /** {0} address, {1} the device's release name, {2} the device's message. */
    FIRMWARE_RELEASE_MISMATCH("UB-D021");

    private final String id;

    DeviceError(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
