package org.uploadbridge.resilience;

import java.time.Duration;

/**
 * What the guard knows of one device now.
 *
 * @param breaker its circuit breaker's state
 * @param nextTryIn while open, how long until a call may go through again; zero otherwise
 * @param uploadsLeftThisHour uploads the hourly quota still allows
 * @param cooldownLeft how long until an upload may follow the last failed one; zero otherwise
 * @param retries retries made for this device since the guard started
 */
public record GuardState(BreakerState breaker, Duration nextTryIn, int uploadsLeftThisHour, Duration cooldownLeft, long retries) {
}
