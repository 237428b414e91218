package org.uploadbridge.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * One poll of a device: its status, or why it did not answer, and when it is asked next.
 *
 * @param failuresInARow 0 while the device answers; how many polls failed since it last did
 */
public record PollResult(DeviceAddress address, Instant time, Optional<DeviceStatus> status,
        Optional<UploadBridgeException> failure, int failuresInARow, Duration nextPollIn) {

    public boolean isOnline() {
        return status.isPresent();
    }
}
