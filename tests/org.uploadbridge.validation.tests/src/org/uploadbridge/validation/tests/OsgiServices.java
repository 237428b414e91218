package org.uploadbridge.validation.tests;

import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Finds the services under test in the running framework, as SCR registered them. */
final class OsgiServices {

    private static final long TIMEOUT_MS = 10_000;

    private OsgiServices() {
    }

    /** The service of {@code type}, waiting up to 10 s for SCR to register it. */
    static <T> T service(Class<T> type) {
        return org.uploadbridge.testing.OsgiServices.await(type, TIMEOUT_MS);
    }

    /** The service of {@code type} if one appears within {@code timeoutMs}, else null. */
    static <T> T waitFor(Class<T> type, long timeoutMs) {
        BundleContext context = context();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            return tracker.waitForService(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getName(), e);
        } finally {
            tracker.close();
        }
    }

    static BundleContext context() {
        Bundle bundle = FrameworkUtil.getBundle(OsgiServices.class);
        Objects.requireNonNull(bundle, "the tests do not run inside an OSGi framework");
        if (bundle.getBundleContext() == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        return Objects.requireNonNull(bundle.getBundleContext(), () -> bundle.getSymbolicName() + " has no context");
    }
}
