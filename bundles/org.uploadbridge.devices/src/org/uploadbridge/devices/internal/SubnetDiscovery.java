package org.uploadbridge.devices.internal;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.BrowseSummary;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DiscoveredDevices;
import org.uploadbridge.devices.DiscoverySummary;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.MdnsBrowser;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.CidrRange;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * Discovery by subnet scan and by mDNS (in {@link MdnsIdentification}). Subnet scan: a TCP connect per host first (cheap, and most addresses of a LAN are empty), then
 * the drivers' probes on the hosts that listen. Virtual threads, bounded by a semaphore.
 */
@Component(service = DeviceDiscovery.class)
public final class SubnetDiscovery implements DeviceDiscovery {

    private final AddressPolicy policy;
    private final DeviceHttp http;
    private final DeviceService devices;
    private final MdnsIdentification mdns;

    @Activate
    public SubnetDiscovery(@Reference AddressPolicy policy, @Reference DeviceHttp http, @Reference DeviceService devices,
            @Reference MdnsBrowser browser) {
        this.policy = policy;
        this.http = http;
        this.devices = devices;
        this.mdns = new MdnsIdentification(browser, policy, devices);
    }

    @Override
    public BrowseSummary browse(Duration window, PolicyMode mode, Consumer<DeviceStatus> onFound, BooleanSupplier cancelled)
            throws UploadBridgeException {
        return mdns.browse(window, mode, onFound, cancelled);
    }

    @Override
    public DiscoverySummary discover(String cidr, int port, Duration mdnsWindow, PolicyMode mode,
            Consumer<DiscoveredDevices.Found> onNew, BooleanSupplier cancelled) throws UploadBridgeException {
        return new CombinedDiscovery(this).discover(cidr, port, mdnsWindow, mode, onNew, cancelled);
    }

    @Override
    public ScanSummary scan(String cidr, int port, PolicyMode mode, int maxInFlight, Duration hostTimeout,
            Consumer<DeviceStatus> onFound, BooleanSupplier cancelled) throws UploadBridgeException {
        CidrRange range = policy.checkRange(cidr, mode).orThrow();
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong scanned = new AtomicLong();
        AtomicLong listening = new AtomicLong();
        List<DeviceStatus> found = new CopyOnWriteArrayList<>();
        boolean stopped = false;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Inet4Address host : range.hosts()) {
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                inFlight.acquireUninterruptibly();
                DeviceAddress address = new DeviceAddress(host.getHostAddress(), port);
                threads.submit(() -> {
                    try {
                        scanned.incrementAndGet();
                        probe(address, hostTimeout, listening, cancelled).ifPresent(status -> {
                            found.add(status);
                            onFound.accept(status);
                        });
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return new ScanSummary(range.toString(), scanned.get(), listening.get(), List.copyOf(found), stopped,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Optional<DeviceStatus> probe(DeviceAddress address, Duration hostTimeout, AtomicLong listening,
            BooleanSupplier cancelled) {
        try {
            if (cancelled.getAsBoolean() || !http.acceptsConnections(address, hostTimeout)) {
                return Optional.empty();
            }
            listening.incrementAndGet();
            return devices.identify(address);
        } catch (UploadBridgeException notADevice) {
            // Something listens but does not answer like a device (or stops answering): not a device.
            return Optional.empty();
        }
    }
}
