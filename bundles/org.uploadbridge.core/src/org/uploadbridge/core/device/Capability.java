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
    RESTART,
    /** Turns the light on and off, keeping its brightness. */
    POWER,
    /** Makes the device show itself (e.g. blink), then restores what it showed. */
    IDENTIFY,
    /**
     * The device plays a pattern only while Upload Bridge streams its frames (e.g. WLED over DDP):
     * an upload starts a stream that runs until it is stopped, another pattern is uploaded, the
     * light is turned off, or Upload Bridge closes.
     */
    LIVE_STREAM
}
