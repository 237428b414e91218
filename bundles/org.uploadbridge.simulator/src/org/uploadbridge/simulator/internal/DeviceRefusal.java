package org.uploadbridge.simulator.internal;

/**
 * A request the device turns down with its own message: answered as
 * {@code {"success":false,"message":...}} with {@link #status()}.
 */
final class DeviceRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    DeviceRefusal(int status, String message) {
        // The message is the device's answer; a stack trace would only cost time.
        super(message, null, false, false);
        this.status = status;
    }

    static DeviceRefusal badRequest(String message) {
        return new DeviceRefusal(400, message);
    }

    int status() {
        return status;
    }
}
