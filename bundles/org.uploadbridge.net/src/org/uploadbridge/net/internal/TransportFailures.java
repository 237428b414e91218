package org.uploadbridge.net.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;

/** Turns what the HTTP client failed with into the catalogued device error a user can act on. */
final class TransportFailures {

    private TransportFailures() {
    }

    static UploadBridgeException translate(DeviceAddress address, String operation, Duration timeout, long maxBytes,
            Throwable cause) {
        if (cause instanceof JettyDeviceHttp.CancelledByUser) {
            return new UploadBridgeException(DeviceError.CANCELLED, cause, address, operation);
        }
        if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
            return new UploadBridgeException(DeviceError.TIMED_OUT, cause, address, operation, timeout.toSeconds());
        }
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("capacity")) {
            // Jetty's bounded response listener refuses to buffer more than the limit.
            return new UploadBridgeException(DeviceError.RESPONSE_TOO_LARGE, cause, address, maxBytes);
        }
        if (cause instanceof ConnectException) {
            return new UploadBridgeException(DeviceError.UNREACHABLE, cause, address, "the connection was refused");
        }
        if (cause instanceof NoRouteToHostException || cause instanceof UnresolvedAddressException
                || cause instanceof UnknownHostException) {
            return new UploadBridgeException(DeviceError.UNREACHABLE, cause, address, "no route to the device");
        }
        if (cause instanceof EOFException || cause instanceof IOException) {
            return new UploadBridgeException(DeviceError.UNREACHABLE, cause, address,
                    "the connection broke during " + operation + " (" + cause.getMessage() + ")");
        }
        return new UploadBridgeException(DeviceError.MALFORMED_RESPONSE, cause, address,
                operation + " failed: " + cause);
    }
}
