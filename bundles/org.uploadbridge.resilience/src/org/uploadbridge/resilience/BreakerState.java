package org.uploadbridge.resilience;

/** A device's circuit breaker: closed lets calls through, open fails them fast, half-open lets a probe through. */
public enum BreakerState {
    CLOSED, OPEN, HALF_OPEN
}
