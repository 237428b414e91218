package org.uploadbridge.core.device;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The device's firmware lacks the operation (an optional endpoint answered 404, or the firmware
 * never has it). Not a failure of the device: callers show "not supported".
 */
public class DeviceOperationNotSupportedException extends UploadBridgeException {

    private static final long serialVersionUID = 1L;

    public DeviceOperationNotSupportedException(DeviceAddress address, Capability capability) {
        super(DeviceError.NOT_SUPPORTED, address, capability.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
