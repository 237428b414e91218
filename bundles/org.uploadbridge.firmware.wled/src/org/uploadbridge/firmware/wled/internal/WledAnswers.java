package org.uploadbridge.firmware.wled.internal;

import java.util.Locale;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.HttpAnswer;

/** What WLED's HTTP answers mean, as catalogued errors. */
final class WledAnswers {

    /** Real WLED says "Firmware release name mismatch: current 'ESP32', uploaded 'ESP8266'." */
    private static final String RELEASE_MISMATCH = "release name mismatch";
    private static final int MAX_MESSAGE_CHARS = 200;

    private WledAnswers() {
    }

    /** Passes a 2xx answer; a PIN lock is UB-D020, anything else UB-D007 with the device's words. */
    static HttpAnswer requireOk(DeviceAddress address, HttpAnswer answer, String operation) throws UploadBridgeException {
        if (answer.isSuccess()) {
            return answer;
        }
        if (answer.status() == 401) {
            throw new UploadBridgeException(DeviceError.LOCKED, address, operation);
        }
        throw new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, address, answer.status(), message(answer));
    }

    /** Like {@link #requireOk}, and a refused image is UB-D021 (another build) or UB-D013 (the device's reason). */
    static void requireFlashed(DeviceAddress address, HttpAnswer answer, String deviceRelease) throws UploadBridgeException {
        if (answer.status() == 500 && answer.body().toLowerCase(Locale.ROOT).contains(RELEASE_MISMATCH)) {
            throw new UploadBridgeException(DeviceError.FIRMWARE_RELEASE_MISMATCH, address,
                    deviceRelease == null ? "unnamed" : deviceRelease, message(answer));
        }
        if (answer.status() == 500) {
            throw new UploadBridgeException(DeviceError.REJECTED, address, message(answer));
        }
        requireOk(address, answer, "the firmware update");
    }

    /** The device's own words, one line, bounded. */
    static String message(HttpAnswer answer) {
        String text = answer.body().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "no message";
        }
        return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "…" : text;
    }
}
