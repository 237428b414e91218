package org.uploadbridge.devices;

import java.time.Duration;
import java.util.List;

import org.uploadbridge.core.device.DeviceStatus;

/**
 * What a subnet scan found.
 *
 * @param range the CIDR range scanned
 * @param scanned host addresses tried
 * @param listening hosts that accepted a connection on the port
 * @param devices the devices an installed driver recognised, in the order they answered
 * @param cancelled whether the scan stopped early because it was cancelled
 * @param elapsed how long it took
 */
public record ScanSummary(String range, long scanned, long listening, List<DeviceStatus> devices, boolean cancelled,
        Duration elapsed) {
}
