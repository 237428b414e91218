package org.uploadbridge.resilience;

import org.uploadbridge.core.error.UploadBridgeException;

/** One attempt at a device operation; a guard may run it several times. */
@FunctionalInterface
public interface DeviceCall<T> {
    T run() throws UploadBridgeException;
}
