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

    /**
     * Scans every host of a CIDR range (checked by the address policy and its size cap) on one
     * port: at most {@code maxInFlight} hosts at a time, each given {@code hostTimeout} to accept a
     * connection, then asked by the installed drivers what it is. Devices are handed to
     * {@code onFound} as they answer, from scanning threads.
     */
    ScanSummary scan(String cidr, int port, PolicyMode mode, int maxInFlight, Duration hostTimeout,
            Consumer<DeviceStatus> onFound, BooleanSupplier cancelled) throws UploadBridgeException;
}
