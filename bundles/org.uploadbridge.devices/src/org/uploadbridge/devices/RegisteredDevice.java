package org.uploadbridge.devices;

import org.uploadbridge.core.device.DeviceAddress;

/**
 * A device the user keeps in the device list, as stored between sessions.
 *
 * @param name the name it reported last, or its host when it never answered
 * @param firmwareId the driver that recognised it last, or empty when none did yet
 */
public record RegisteredDevice(DeviceAddress address, String name, String firmwareId) {
}
