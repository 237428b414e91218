package org.uploadbridge.devices;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.address.PolicyMode;

/** Finds devices on the LAN (a DS service). */
public interface DeviceDiscovery {

    /**
     * Hosts probed at once: on a LAN an empty address costs the whole host timeout (no answer to
     * ARP), so a /22 takes about 1,022 / 256 x 0.7 s; far below the usual 1,024 open files.
     */
    int DEFAULT_IN_FLIGHT = 256;
    Duration DEFAULT_HOST_TIMEOUT = Duration.ofMillis(700);
    /** Long enough for devices to answer a query twice (JmDNS repeats it after one second). */
    Duration DEFAULT_MDNS_WINDOW = Duration.ofSeconds(3);

    /**
     * Scans every host of a CIDR range (checked by the address policy and its size cap) on one
     * port: at most {@code maxInFlight} hosts at a time, each given {@code hostTimeout} to accept a
     * connection, then asked by the installed drivers what it is. Devices are handed to
     * {@code onFound} as they answer, from scanning threads.
     */
    ScanSummary scan(String cidr, int port, PolicyMode mode, int maxInFlight, Duration hostTimeout,
            Consumer<DeviceStatus> onFound, BooleanSupplier cancelled) throws UploadBridgeException;

    /**
     * Browses mDNS ({@link org.uploadbridge.net.MdnsBrowser#DEVICE_SERVICE_TYPES}) for {@code window};
     * each announced address the address policy allows is asked by the installed drivers what it is,
     * once per address and port. Devices are handed to {@code onFound} as they answer.
     *
     * @throws UploadBridgeException {@code UB-D018} when mDNS cannot be browsed here
     */
    BrowseSummary browse(Duration window, PolicyMode mode, Consumer<DeviceStatus> onFound, BooleanSupplier cancelled)
            throws UploadBridgeException;

    /**
     * A subnet scan (when {@code cidr} is not null) and an mDNS browse (when {@code mdnsWindow} is
     * positive) at the same time, merged by MAC or address: {@code onNew} hears of each device once.
     * When both are asked for and mDNS cannot be browsed, the scan still runs and the summary says why.
     */
    DiscoverySummary discover(String cidr, int port, Duration mdnsWindow, PolicyMode mode,
            Consumer<DiscoveredDevices.Found> onNew, BooleanSupplier cancelled) throws UploadBridgeException;
}
