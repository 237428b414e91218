package org.uploadbridge.net;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * Browses multicast DNS for the service types LED controllers announce (a DS service). It only
 * listens and asks on the network interfaces its configuration names; it never contacts a device:
 * that is for the drivers, through the address policy.
 */
public interface MdnsBrowser {

    /** What ESP LED firmwares announce: their web server, WLED itself, and Arduino OTA. */
    List<String> DEVICE_SERVICE_TYPES = List.of("_http._tcp.local.", "_wled._tcp.local.", "_arduino._tcp.local.");

    /**
     * Browses {@code serviceTypes} for {@code window} (or until {@code cancelled}), handing each
     * resolved service instance to {@code onSighting} once per address, from browsing threads.
     *
     * @return every sighting, in the order they were resolved
     * @throws UploadBridgeException {@code UB-D018} when no interface can browse
     */
    List<MdnsSighting> browse(List<String> serviceTypes, Duration window, Consumer<MdnsSighting> onSighting,
            BooleanSupplier cancelled) throws UploadBridgeException;
}
