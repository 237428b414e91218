package org.uploadbridge.devices;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * What a discovery found by subnet scan and mDNS together.
 *
 * @param scan the scan's summary, when a range was scanned
 * @param browse the browse's summary, when mDNS was browsed and could be
 * @param mdnsProblem why mDNS could not be browsed, when a scan went ahead without it
 * @param devices every device, merged by MAC or address
 * @param elapsed how long it took
 */
public record DiscoverySummary(Optional<ScanSummary> scan, Optional<BrowseSummary> browse,
        Optional<UploadBridgeException> mdnsProblem, List<DiscoveredDevices.Found> devices, Duration elapsed) {
}
