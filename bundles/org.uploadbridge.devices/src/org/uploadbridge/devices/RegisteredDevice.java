package org.uploadbridge.devices;

import java.util.Objects;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * A device the user keeps in the device list, as stored between sessions.
 *
 * @param name the name it reported last, or its host when it never answered
 * @param firmwareId the driver that recognised it last, or empty when none did yet
 * @param assumedLimits what the user says this device holds, for each limit its firmware does not
 *     report (the classic firmware reports none): uploads are checked against them before sending
 */
public record RegisteredDevice(DeviceAddress address, String name, String firmwareId, DeviceLimits assumedLimits) {

    public RegisteredDevice {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(assumedLimits, "assumedLimits");
    }

    /** A device with no assumed limits. */
    public RegisteredDevice(DeviceAddress address, String name, String firmwareId) {
        this(address, name, firmwareId, DeviceLimits.none());
    }
}
