package org.uploadbridge.resilience.internal;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.uploadbridge.resilience.BreakerState;
import org.uploadbridge.resilience.GuardSettings;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;

/** One device's breaker, bulkhead, quotas and retry count, built from the settings in force. */
final class DevicePolicies {

    final CircuitBreaker<Object> breaker;
    final Bulkhead<Object> bulkhead;
    final UploadLedger uploads;
    final AtomicLong retries = new AtomicLong();

    DevicePolicies(GuardSettings settings, Clock clock, BreakerEvents events) {
        breaker = CircuitBreaker.builder()
                .handleIf((result, failure) -> RetryableFailures.isRetryable(failure))
                .withFailureThreshold(settings.failureThreshold())
                .withDelay(settings.breakerOpenFor())
                .withSuccessThreshold(1)
                .onOpen(e -> events.changed(state(e.getPreviousState()), BreakerState.OPEN))
                .onHalfOpen(e -> events.changed(state(e.getPreviousState()), BreakerState.HALF_OPEN))
                .onClose(e -> events.changed(state(e.getPreviousState()), BreakerState.CLOSED))
                .build();
        bulkhead = Bulkhead.builder(settings.callsPerDevice()).withMaxWaitTime(FailsafeDeviceGuard.MAX_QUEUE_WAIT).build();
        uploads = new UploadLedger(clock);
    }

    /** Where a breaker's state changes are told. */
    interface BreakerEvents {
        void changed(BreakerState from, BreakerState to);
    }

    BreakerState breakerState() {
        return state(breaker.getState());
    }

    private static BreakerState state(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> BreakerState.CLOSED;
            case OPEN -> BreakerState.OPEN;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
        };
    }
}
