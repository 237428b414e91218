package org.uploadbridge.resilience.internal;

import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * Which failures may pass on a second try: the device did not answer, answered too late, was
 * reset, answered 5xx (but not "out of memory": the same pattern will not fit on the next try), or
 * sent a garbled answer (flaky WiFi). Refusals (4xx, validation, licences, policy) never do.
 */
final class RetryableFailures {

    private static final int FIRST_SERVER_ERROR = 500;

    private RetryableFailures() {
    }

    static boolean isRetryable(Throwable failure) {
        if (!(failure instanceof UploadBridgeException e) || !(e.code() instanceof DeviceError code)) {
            return false;
        }
        return switch (code) {
            case UNREACHABLE, TIMED_OUT, MALFORMED_RESPONSE -> true;
            case UNEXPECTED_STATUS -> e.args().length > 1 && serverError(e.args()[1]);
            default -> false;
        };
    }

    private static boolean serverError(Object status) {
        try {
            return Integer.parseInt(String.valueOf(status).trim()) >= FIRST_SERVER_ERROR;
        } catch (NumberFormatException notAStatus) {
            return false;
        }
    }
}
