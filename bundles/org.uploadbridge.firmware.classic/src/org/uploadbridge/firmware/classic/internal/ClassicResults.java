package org.uploadbridge.firmware.classic.internal;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.HttpAnswer;

/** Maps the classic firmware's answers, and its own error texts, onto catalogued errors. */
final class ClassicResults {

    private ClassicResults() {
    }

    static void requireOk(DeviceAddress address, HttpAnswer answer, String what) throws UploadBridgeException {
        if (answer.status() != 200) {
            throw new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, address, answer.status(),
                    "the device did not send " + what + " (" + abbreviate(answer.body()) + ")");
        }
    }

    /** The device's success message; every refusal becomes the code that says what to fix. */
    static String requireSuccess(DeviceHttp http, DeviceAddress address, HttpAnswer answer, long patternBytes,
            String fileName) throws UploadBridgeException {
        // A refusal may come as the ESP WebServer's plain-text page (e.g. 503 while rebooting): its text is the message.
        boolean plainTextRefusal = answer.status() != 200 && !answer.body().stripLeading().startsWith("{");
        ClassicJson.Result result = answer.body().isBlank() || plainTextRefusal ? new ClassicJson.Result()
                : http.parseJson(address, answer, ClassicJson.Result.class);
        String message = result.message == null ? "" : result.message;
        if (answer.status() == 200 && !Boolean.FALSE.equals(result.success)) {
            return message;
        }
        if (answer.status() == 500 && message.contains("allocate")) {
            throw new UploadBridgeException(DeviceError.OUT_OF_MEMORY, address, patternBytes);
        }
        if (answer.status() == 400) {
            if (message.startsWith("Invalid file format")) {
                throw new UploadBridgeException(DeviceError.REJECTED_FILE_NAME, address, fileName);
            }
            if (message.startsWith("Pattern file too small") || message.startsWith("Pattern size mismatch")) {
                throw new UploadBridgeException(DeviceError.REJECTED_PATTERN_SIZE, address, message);
            }
            if (message.startsWith("Invalid LED count")) {
                throw new UploadBridgeException(DeviceError.REJECTED_LED_COUNT, address, message);
            }
            if (message.startsWith("Invalid frame count")) {
                throw new UploadBridgeException(DeviceError.REJECTED_FRAME_COUNT, address, message);
            }
            throw new UploadBridgeException(DeviceError.REJECTED, address, message.isEmpty() ? abbreviate(answer.body()) : message);
        }
        throw new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, address, answer.status(),
                message.isEmpty() ? abbreviate(answer.body()) : message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
