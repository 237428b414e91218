package org.uploadbridge.devices;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * The devices the user keeps (a DS service), stored in the workspace and written atomically: a
 * crash leaves the previous list or the new one, never half of one.
 */
public interface DeviceRegistry {

    /** The registered devices, in the order they were added. */
    List<RegisteredDevice> devices();

    /** Adds a device; adding one that is there already changes nothing. */
    void add(DeviceAddress address) throws UploadBridgeException;

    void remove(DeviceAddress address) throws UploadBridgeException;

    /** The registered device at {@code address}, if there is one. */
    default Optional<RegisteredDevice> find(DeviceAddress address) {
        return devices().stream().filter(d -> d.address().equals(address)).findFirst();
    }

    /**
     * Sets the limits assumed for a device whose firmware does not report them (registering the
     * device when it is not yet); {@link DeviceLimits#none()} forgets them.
     */
    void assumeLimits(DeviceAddress address, DeviceLimits limits) throws UploadBridgeException;

    /** Remembers what a registered device reported (its name and firmware); ignores unknown devices. */
    void recordStatus(DeviceStatus status) throws UploadBridgeException;

    /** Where the list is stored. */
    Path storageFile();
}
