package org.uploadbridge.ui.internal.devices;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.uploadbridge.core.device.DeviceDriver;

/**
 * The firmware ids of the drivers installed now. Firmware bundles may be installed, started,
 * stopped or uninstalled while the workbench runs (DS registers and unregisters their drivers), and
 * the Devices view must follow without a restart, so it hears every change here.
 */
final class InstalledFirmwares implements AutoCloseable {

    /** Driver service to its firmware id: a firmware may briefly have two drivers during an update. */
    private final ConcurrentHashMap<ServiceReference<DeviceDriver>, String> firmwares = new ConcurrentHashMap<>();
    private final ServiceTracker<DeviceDriver, String> tracker;

    /** {@code onChange} hears each change, on the thread that made it (a bundle's start or stop). */
    InstalledFirmwares(Runnable onChange) {
        BundleContext context = FrameworkUtil.getBundle(InstalledFirmwares.class).getBundleContext();
        tracker = new ServiceTracker<>(context, DeviceDriver.class, new ServiceTrackerCustomizer<>() {
            @Override
            public String addingService(ServiceReference<DeviceDriver> reference) {
                DeviceDriver driver = context.getService(reference);
                if (driver == null) {
                    return null; // gone again before we got it
                }
                String firmware = driver.firmwareId();
                firmwares.put(reference, firmware);
                onChange.run();
                return firmware;
            }

            @Override
            public void modifiedService(ServiceReference<DeviceDriver> reference, String firmware) {
                // a driver's properties do not change its firmware id
            }

            @Override
            public void removedService(ServiceReference<DeviceDriver> reference, String firmware) {
                firmwares.remove(reference);
                context.ungetService(reference);
                onChange.run();
            }
        });
        tracker.open();
    }

    /** The firmware ids that have a driver now. */
    Set<String> ids() {
        return Set.copyOf(firmwares.values());
    }

    @Override
    public void close() {
        tracker.close();
    }
}
