package org.uploadbridge.devices;

import java.time.Duration;
import java.util.List;

import org.uploadbridge.core.device.DeviceStatus;

/**
 * What an mDNS browse found.
 *
 * @param sightings service instances announced (one per type and address)
 * @param refused announced addresses the address policy refused, never contacted
 * @param devices the devices an installed driver recognised, one per address, in the order they answered
 * @param cancelled whether the browse stopped early because it was cancelled
 * @param elapsed how long it took
 */
public record BrowseSummary(long sightings, long refused, List<DeviceStatus> devices, boolean cancelled, Duration elapsed) {
}
