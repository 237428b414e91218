package org.uploadbridge.devices.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.BrowseSummary;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DiscoveredDevices;
import org.uploadbridge.devices.DiscoverySummary;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.validation.address.PolicyMode;

/** Runs a scan and a browse side by side and merges what they find (one discovery). */
record CombinedDiscovery(DeviceDiscovery discovery) {

    DiscoverySummary discover(String cidr, int port, Duration mdnsWindow, PolicyMode mode,
            Consumer<DiscoveredDevices.Found> onNew, BooleanSupplier cancelled) throws UploadBridgeException {
        boolean browsing = mdnsWindow != null && mdnsWindow.isPositive();
        if (cidr == null && !browsing) {
            throw new IllegalArgumentException("discovery needs a range to scan or an mDNS window");
        }
        long start = System.nanoTime();
        DiscoveredDevices merged = new DiscoveredDevices();
        Consumer<DeviceStatus> fromScan = status -> report(merged, status, DiscoveredDevices.Source.SCAN, onNew);
        Consumer<DeviceStatus> fromMdns = status -> report(merged, status, DiscoveredDevices.Source.MDNS, onNew);
        Optional<BrowseSummary> browse = Optional.empty();
        Optional<UploadBridgeException> mdnsProblem = Optional.empty();
        Optional<ScanSummary> scan = Optional.empty();
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<BrowseSummary> browsed = browsing
                    ? both.submit(() -> discovery.browse(mdnsWindow, mode, fromMdns, cancelled))
                    : CompletableFuture.completedFuture(null);
            if (cidr != null) {
                scan = Optional.of(discovery.scan(cidr, port, mode, DeviceDiscovery.DEFAULT_IN_FLIGHT,
                        DeviceDiscovery.DEFAULT_HOST_TIMEOUT, fromScan, cancelled));
            }
            try {
                browse = Optional.ofNullable(browsed.get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UploadBridgeException problem)) {
                    throw new IllegalStateException("mDNS browsing failed", e.getCause());
                }
                if (cidr == null) {
                    throw problem;
                }
                mdnsProblem = Optional.of(problem);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new DiscoverySummary(scan, browse, mdnsProblem, merged.devices(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void report(DiscoveredDevices merged, DeviceStatus status, DiscoveredDevices.Source source,
            Consumer<DiscoveredDevices.Found> onNew) {
        merged.add(status, source).ifPresent(onNew);
    }
}
