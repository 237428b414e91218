package org.uploadbridge.resilience;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * Every call to a device goes through its guard (a DS service): upload quotas first, then the
 * device's circuit breaker (open: fail fast with {@code UB-R001}, nothing reaches the device), its
 * bulkhead (a few calls at a time: small controllers queue very few), and retries with exponential
 * backoff and jitter for failures that may pass (unreachable, timed out, reset, 5xx, a garbled
 * answer), never for refusals (4xx, validation, licences). Settings: {@link GuardSettings}.
 */
public interface DeviceGuard {

    /**
     * Runs {@code call} for {@code device} under its policies.
     *
     * @param payloadBytes what an upload sends, for the size quota; 0 for other operations
     * @throws UploadBridgeException the call's own failure after the last attempt, or a catalogued
     *     {@link ResilienceError} when a policy stopped it before it reached the device
     */
    <T> T call(DeviceAddress device, DeviceOperation operation, long payloadBytes, DeviceCall<T> call)
            throws UploadBridgeException;

    /** The device's breaker, quota and retry count now. */
    GuardState state(DeviceAddress device);

    /** The settings in force. */
    GuardSettings settings();
}
