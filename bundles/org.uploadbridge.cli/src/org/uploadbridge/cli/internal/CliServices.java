package org.uploadbridge.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.logging.LogFiles;
import org.uploadbridge.metrics.DeviceMetrics;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.pattern.PatternValidator;

/** The DS services the commands use, looked up in the OSGi service registry. */
final class CliServices implements AutoCloseable {

    private static final long WAIT_MS = 10_000;

    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    CliServices(BundleContext context) {
        this.context = context;
    }

    /** The framework's context: bundles and framework properties (e.g. the firmware folder). */
    BundleContext context() {
        return context;
    }

    PatternLoader patternLoader() {
        return get(PatternLoader.class);
    }

    PatternValidator patternValidator() {
        return get(PatternValidator.class);
    }

    DeviceService devices() {
        return get(DeviceService.class);
    }

    DeviceDiscovery discovery() {
        return get(DeviceDiscovery.class);
    }

    DeviceRegistry registry() {
        return get(DeviceRegistry.class);
    }

    DeviceMetrics metrics() {
        return get(DeviceMetrics.class);
    }

    DeviceGuard guard() {
        return get(DeviceGuard.class);
    }

    LicenceService licence() {
        return get(LicenceService.class);
    }

    DeviceSimulator simulator() {
        return get(DeviceSimulator.class);
    }

    ConfigurationAdmin configurations() {
        return get(ConfigurationAdmin.class);
    }

    AddressPolicy addressPolicy() {
        return get(AddressPolicy.class);
    }

    LogFiles logFiles() {
        return get(LogFiles.class);
    }

    LoggerFactory loggers() {
        return get(LoggerFactory.class);
    }

    private <T> T get(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        try {
            T service = tracker.waitForService(WAIT_MS);
            if (service == null) {
                // Unchecked for the commands, catalogued for the CLI's failure output (Cli.run).
                UploadBridgeException missing = new UploadBridgeException(ApplicationError.SERVICE_MISSING, type.getSimpleName(),
                        "the command");
                throw new IllegalStateException(missing.getMessage(), missing);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
