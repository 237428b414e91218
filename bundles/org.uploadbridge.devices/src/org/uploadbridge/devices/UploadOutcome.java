package org.uploadbridge.devices;

import java.time.Duration;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.validation.ValidationReport;

/**
 * A verified upload: what the device said, what it reports playing afterwards, the checks the
 * pattern passed before it was sent (warnings included) and how long it took.
 */
public record UploadOutcome(DeviceAddress address, UploadReceipt receipt, DeviceStatus verifiedStatus,
        ValidationReport validation, Duration elapsed) {
}
