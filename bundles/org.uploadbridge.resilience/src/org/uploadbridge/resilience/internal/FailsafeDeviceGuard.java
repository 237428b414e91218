package org.uploadbridge.resilience.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.resilience.BreakerState;
import org.uploadbridge.resilience.DeviceCall;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.resilience.GuardListener;
import org.uploadbridge.resilience.GuardSettings;
import org.uploadbridge.resilience.GuardState;
import org.uploadbridge.resilience.ResilienceError;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;

/**
 * {@link DeviceGuard} on Failsafe: per device, a retry policy around a circuit breaker around a
 * bulkhead, so every attempt counts for the breaker and takes a bulkhead slot. New settings apply
 * to devices first seen after them; a device's breaker keeps its state.
 */
@Component(service = DeviceGuard.class, configurationPid = "org.uploadbridge.resilience")
public final class FailsafeDeviceGuard implements DeviceGuard {

    /** How long a call waits for a bulkhead slot: longer than any single call's timeout. */
    static final Duration MAX_QUEUE_WAIT = Duration.ofMinutes(6);

    private final Clock clock;
    private final Map<DeviceAddress, DevicePolicies> devices = new ConcurrentHashMap<>();
    private volatile GuardSettings settings;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<GuardListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public FailsafeDeviceGuard(Map<String, Object> properties) {
        this(GuardSettings.from(properties), Clock.systemUTC());
    }

    /** For tests that set the clock of the hourly quota. */
    public FailsafeDeviceGuard(GuardSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** For tests of a guard made without SCR. */
    void listen(GuardListener listener) {
        listeners.add(listener);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        settings = GuardSettings.from(properties);
        devices.clear(); // breakers and bulkheads are rebuilt with the new thresholds on next use
    }

    @Override
    public GuardSettings settings() {
        return settings;
    }

    @Override
    public <T> T call(DeviceAddress device, DeviceOperation operation, long payloadBytes, DeviceCall<T> call)
            throws UploadBridgeException {
        GuardSettings now = settings;
        DevicePolicies policies = devices.computeIfAbsent(device,
                d -> new DevicePolicies(now, clock, (from, to) -> listeners.forEach(l -> l.breakerChanged(d, from, to))));
        if (operation.isTransfer()) {
            policies.uploads.admit(device, payloadBytes, now);
        }
        boolean succeeded = false;
        try {
            T result = run(device, operation, payloadBytes, policies, now, call);
            succeeded = true;
            return result;
        } finally {
            if (operation.isTransfer()) {
                policies.uploads.finished(succeeded, now);
            }
        }
    }

    @SuppressWarnings("unchecked") // the executor is typed Object, so one breaker serves every call to the device
    private <T> T run(DeviceAddress device, DeviceOperation operation, long payloadBytes, DevicePolicies policies,
            GuardSettings now, DeviceCall<T> call)
            throws UploadBridgeException {
        RetryPolicyBuilder<Object> retry = RetryPolicy.builder()
                .handleIf((result, failure) -> RetryableFailures.isRetryable(failure))
                .withMaxAttempts(now.maxAttempts())
                .withBackoff(now.retryBaseDelay(), maxDelay(now))
                .onRetry(event -> {
                    policies.retries.incrementAndGet();
                    listeners.forEach(l -> l.retried(device, operation, event.getAttemptCount(), event.getLastException()));
                });
        if (now.jitter() > 0) {
            retry.withJitter(now.jitter());
        }
        try {
            return (T) Failsafe.with(retry.build(), policies.breaker, policies.bulkhead).get(() -> attempt(device, operation, payloadBytes, call));
        } catch (CircuitBreakerOpenException open) {
            throw new UploadBridgeException(ResilienceError.BREAKER_OPEN, open, device, now.failureThreshold(),
                    Math.max(1, (policies.breaker.getRemainingDelay().toMillis() + 999) / 1000));
        } catch (BulkheadFullException full) {
            throw new UploadBridgeException(ResilienceError.DEVICE_BUSY, full, device, now.callsPerDevice(),
                    MAX_QUEUE_WAIT.toSeconds());
        } catch (FailsafeException wrapped) {
            if (wrapped.getCause() instanceof UploadBridgeException failure) {
                throw failure;
            }
            throw wrapped;
        }
    }

    /** One attempt, timed inside the bulkhead, so listeners learn how long the device itself took. */
    private <T> T attempt(DeviceAddress device, DeviceOperation operation, long payloadBytes, DeviceCall<T> call)
            throws UploadBridgeException {
        long start = System.nanoTime();
        Optional<Throwable> failure = Optional.empty();
        try {
            return call.run();
        } catch (UploadBridgeException | RuntimeException e) {
            failure = Optional.of(e);
            throw e;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            for (GuardListener listener : listeners) {
                listener.attempted(device, operation, payloadBytes, took, failure);
            }
        }
    }

    /** Failsafe wants the backoff's maximum above its start; equal settings mean a fixed delay. */
    private static Duration maxDelay(GuardSettings settings) {
        return settings.retryMaxDelay().compareTo(settings.retryBaseDelay()) > 0 ? settings.retryMaxDelay()
                : settings.retryBaseDelay().plusMillis(1);
    }

    @Override
    public GuardState state(DeviceAddress device) {
        GuardSettings now = settings;
        DevicePolicies policies = devices.get(device);
        if (policies == null) {
            return new GuardState(BreakerState.CLOSED, Duration.ZERO,
                    now.uploadsPerHour() == 0 ? Integer.MAX_VALUE : now.uploadsPerHour(), Duration.ZERO, 0);
        }
        BreakerState breaker = policies.breakerState();
        return new GuardState(breaker, breaker == BreakerState.OPEN ? policies.breaker.getRemainingDelay() : Duration.ZERO,
                policies.uploads.uploadsLeft(now), policies.uploads.cooldownLeft(), policies.retries.get());
    }
}
