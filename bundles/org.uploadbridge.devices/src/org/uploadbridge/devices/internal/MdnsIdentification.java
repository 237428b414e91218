package org.uploadbridge.devices.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.BrowseSummary;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.net.MdnsBrowser;
import org.uploadbridge.net.MdnsSighting;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * mDNS half of discovery: what the browser sees is only a claim, so each announced address goes
 * through the address policy and then the drivers' probes, on its own virtual thread, once per
 * address and port however many service types announce it.
 */
final class MdnsIdentification {

    private final MdnsBrowser browser;
    private final AddressPolicy policy;
    private final DeviceService devices;

    MdnsIdentification(MdnsBrowser browser, AddressPolicy policy, DeviceService devices) {
        this.browser = browser;
        this.policy = policy;
        this.devices = devices;
    }

    BrowseSummary browse(Duration window, PolicyMode mode, Consumer<DeviceStatus> onFound, BooleanSupplier cancelled)
            throws UploadBridgeException {
        long start = System.nanoTime();
        Set<DeviceAddress> asked = ConcurrentHashMap.newKeySet();
        AtomicLong refused = new AtomicLong();
        List<DeviceStatus> found = new CopyOnWriteArrayList<>();
        List<MdnsSighting> sightings;
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            sightings = browser.browse(MdnsBrowser.DEVICE_SERVICE_TYPES, window, sighting -> {
                DeviceAddress address = new DeviceAddress(sighting.address(), sighting.port());
                if (!allowed(sighting, mode)) {
                    refused.incrementAndGet();
                } else if (asked.add(address)) {
                    probes.submit(() -> identify(address, cancelled).ifPresent(status -> {
                        found.add(status);
                        onFound.accept(status);
                    }));
                }
            }, cancelled);
        }
        return new BrowseSummary(sightings.size(), refused.get(), List.copyOf(found), cancelled.getAsBoolean(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private boolean allowed(MdnsSighting sighting, PolicyMode mode) {
        try {
            return policy.checkAddress(InetAddress.getByName(sighting.address()), mode).isEmpty();
        } catch (UnknownHostException e) {
            // The browser hands over IPv4 literals, which always parse; anything else is not an address to contact.
            return false;
        }
    }

    private Optional<DeviceStatus> identify(DeviceAddress address, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            return Optional.empty();
        }
        try {
            return devices.identify(address);
        } catch (UploadBridgeException notADevice) {
            // Printers and routers announce _http._tcp too: whatever does not answer like a device is not one.
            return Optional.empty();
        }
    }
}
