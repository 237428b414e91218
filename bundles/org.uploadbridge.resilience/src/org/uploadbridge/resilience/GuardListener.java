package org.uploadbridge.resilience;

import org.uploadbridge.core.device.DeviceAddress;

/**
 * Hears what the guard does (a whiteboard: register one as a DS service), e.g. to count retries
 * and breaker changes in the metrics. Called on the calling thread: return quickly, never throw.
 */
public interface GuardListener {

    /** A call failed in a way that may pass and is tried again ({@code attempt} is the one that failed, from 1). */
    void retried(DeviceAddress device, DeviceOperation operation, int attempt, Throwable failure);

    /** The device's circuit breaker changed state. */
    void breakerChanged(DeviceAddress device, BreakerState from, BreakerState to);
}
