package org.uploadbridge.testing;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** Looks up DS services in the running test framework, waiting for SCR to activate them. */
public final class OsgiServices {

    public static final long DEFAULT_TIMEOUT_MS = 10_000;

    private OsgiServices() {
    }

    /** This bundle's context; the test runtime leaves it resolved but not started, so start it. */
    public static BundleContext context() {
        Bundle bundle = FrameworkUtil.getBundle(OsgiServices.class);
        if (bundle.getBundleContext() == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new AssertionError("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        return bundle.getBundleContext();
    }

    /** The service of {@code type}; fails the test when none appears within ten seconds. */
    public static <T> T await(Class<T> type) {
        return await(type, DEFAULT_TIMEOUT_MS);
    }

    public static <T> T await(Class<T> type, long timeoutMs) {
        return await(new ServiceTracker<>(context(), type, null), type.getName(), timeoutMs);
    }

    /** The service of {@code type} that {@code filter} (LDAP syntax) matches, e.g. {@code (component.name=...)}. */
    public static <T> T await(Class<T> type, String filter) {
        String ldap = "(&(objectClass=" + type.getName() + ")" + filter + ")";
        try {
            return await(new ServiceTracker<T, T>(context(), context().createFilter(ldap), null), ldap, DEFAULT_TIMEOUT_MS);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + filter, e);
        }
    }

    private static <T> T await(ServiceTracker<T, T> tracker, String wanted, long timeoutMs) {
        tracker.open();
        T service;
        try {
            service = tracker.waitForService(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + wanted, e);
        }
        if (service == null) {
            throw new AssertionError("no " + wanted + " service within " + timeoutMs + " ms: is its bundle"
                    + " in the test runtime and SCR started?");
        }
        // The tracker stays open for the test run: closing it would release a delayed DS component,
        // which SCR then deactivates while the test still uses it.
        return service;
    }

    /**
     * Sets a component's configuration through Configuration Admin and waits until {@code applied}
     * says the component took it (SCR applies configurations asynchronously).
     */
    public static void configure(String pid, Map<String, ?> properties, BooleanSupplier applied) {
        try {
            Configuration configuration = await(ConfigurationAdmin.class).getConfiguration(pid, "?");
            configuration.update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new AssertionError("cannot configure " + pid, e);
        }
        awaitApplied(pid, applied);
    }

    /** Removes a component's configuration, so it runs on its defaults again, and waits for {@code applied}. */
    public static void unconfigure(String pid, BooleanSupplier applied) {
        try {
            await(ConfigurationAdmin.class).getConfiguration(pid, "?").delete();
        } catch (IOException e) {
            throw new AssertionError("cannot remove the configuration of " + pid, e);
        }
        awaitApplied(pid, applied);
    }

    private static void awaitApplied(String pid, BooleanSupplier applied) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT_MS * 1_000_000;
        while (!applied.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the configuration of " + pid + " was not applied within " + DEFAULT_TIMEOUT_MS + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while configuring " + pid, e);
            }
        }
    }
}
