package org.uploadbridge.testing;

import java.util.Map;

import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.resilience.GuardSettings;

/** Sets the running device guard's settings for a test (through Configuration Admin) and puts the defaults back. */
public final class GuardConfiguration {

    private static final String PID = "org.uploadbridge.resilience";

    private GuardConfiguration() {
    }

    /**
     * Quick retries only: 5 attempts 20 ms to 200 ms apart, a breaker that practically never opens,
     * no quotas and no cooldown, for tests and benchmarks that measure retries through faults.
     */
    public static void retriesOnly() {
        apply(Map.of(GuardSettings.MAX_ATTEMPTS, 5, GuardSettings.RETRY_BASE_DELAY_MS, 20, GuardSettings.RETRY_MAX_DELAY_MS, 200,
                GuardSettings.FAILURE_THRESHOLD, 1_000_000, GuardSettings.UPLOADS_PER_HOUR, 0, GuardSettings.COOLDOWN_MS, 0));
    }

    /**
     * The default retries and breaker with every quota off, for benchmarks that upload to the same
     * devices more often than the default quota (10 an hour) allows.
     */
    public static void noQuotas() {
        apply(Map.of(GuardSettings.UPLOADS_PER_HOUR, 0, GuardSettings.MAX_UPLOAD_BYTES, 0, GuardSettings.CONCURRENT_UPLOADS, 0,
                GuardSettings.COOLDOWN_MS, 0));
    }

    /** The defaults with {@code properties} in their place. */
    public static void apply(Map<String, ?> properties) {
        DeviceGuard guard = OsgiServices.await(DeviceGuard.class);
        GuardSettings wanted = GuardSettings.from(properties);
        OsgiServices.configure(PID, properties, () -> guard.settings().equals(wanted));
    }

    public static void restoreDefaults() {
        DeviceGuard guard = OsgiServices.await(DeviceGuard.class);
        OsgiServices.unconfigure(PID, () -> guard.settings().equals(GuardSettings.defaults()));
    }
}
