package org.uploadbridge.core.device;

/**
 * What a device can do. Drivers report the capabilities they found by probing; an operation a
 * device lacks is "not supported" ({@link DeviceOperationNotSupportedException}), never a failure.
 */
public enum Capability {
    STATUS,
    UPLOAD,
    PATTERN_LIBRARY,
    FIRMWARE_UPDATE,
    BRIGHTNESS,
    SCHEDULE,
    RESTART
}
