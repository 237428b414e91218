package org.uploadbridge.ui.internal.common;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * A service the workbench parts use, tracked while the part lives. Views and editors are created by
 * the extension registry, not by SCR, so they reach DS services through this small tracker.
 */
public final class ServiceRef<T> implements AutoCloseable {

    private static final long WAIT_MS = 10_000;

    private final Class<T> type;
    private final ServiceTracker<T, T> tracker;

    public ServiceRef(Class<T> type) {
        this.type = type;
        Bundle bundle = FrameworkUtil.getBundle(ServiceRef.class);
        BundleContext context = bundle.getBundleContext();
        this.tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
    }

    /**
     * The service, waiting briefly for SCR to activate it at start-up.
     *
     * @throws IllegalStateException when no such service is registered: a broken installation
     */
    public T get() {
        try {
            T service = tracker.waitForService(WAIT_MS);
            if (service == null) {
                // Unchecked for the callers, catalogued for the status handler that shows it.
                UploadBridgeException missing = new UploadBridgeException(ApplicationError.SERVICE_MISSING, type.getSimpleName(),
                        "the workbench");
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
        tracker.close();
    }
}
