package org.uploadbridge.resilience;

import java.time.Duration;
import java.util.Optional;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceOperation;

/**
 * Hears what the guard does (a whiteboard: register one as a DS service), e.g. to count retries
 * and breaker changes in the metrics, or to learn how long a device takes. Every method does
 * nothing unless overridden. Called on the calling thread: return quickly, never throw.
 */
public interface GuardListener {

    /** A call failed in a way that may pass and is tried again ({@code attempt} is the one that failed, from 1). */
    default void retried(DeviceAddress device, DeviceOperation operation, int attempt, Throwable failure) {
    }

    /** The device's circuit breaker changed state. */
    default void breakerChanged(DeviceAddress device, BreakerState from, BreakerState to) {
    }

    /**
     * One attempt reached the device and ended after {@code took} (the time on the device's
     * connection, without waiting for a bulkhead slot), with {@code failure} or successfully.
     */
    default void attempted(DeviceAddress device, DeviceOperation operation, long payloadBytes, Duration took,
            Optional<Throwable> failure) {
    }
}
