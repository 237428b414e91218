package org.uploadbridge.devices.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.PollResult;
import org.uploadbridge.devices.StatusPolling;

/**
 * Polls each watched device on a small scheduler; the polls themselves run on virtual threads so
 * a slow device never delays the others. The intervals can be shortened by configuration (tests).
 */
@Component(service = StatusPolling.class, configurationPid = "org.uploadbridge.devices.polling")
public final class BackoffStatusPolling implements StatusPolling {

    static final String ONLINE_MS = "onlineIntervalMs";
    static final String FIRST_RETRY_MS = "firstRetryMs";
    static final String MAX_RETRY_MS = "maxRetryMs";

    private final DeviceService devices;
    private final Duration online;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("uploadbridge-status-polling").factory());
    /** Watches not closed yet; checked by each poll, so a closed watch stops even mid-flight. */
    private final Set<Object> active = ConcurrentHashMap.newKeySet();
    private final Map<Object, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    @Activate
    public BackoffStatusPolling(@Reference DeviceService devices, Map<String, Object> properties) {
        this.devices = devices;
        this.online = millis(properties, ONLINE_MS, ONLINE_INTERVAL);
        this.firstRetry = millis(properties, FIRST_RETRY_MS, FIRST_RETRY);
        this.maxRetry = millis(properties, MAX_RETRY_MS, MAX_RETRY);
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public Watch watch(DeviceAddress address, Consumer<PollResult> onResult) {
        Object key = new Object();
        active.add(key); // before the first poll is scheduled: it may run before schedule() returns
        schedule(key, address, onResult, 0, Duration.ZERO);
        return () -> {
            active.remove(key);
            ScheduledFuture<?> next = scheduled.remove(key);
            if (next != null) {
                next.cancel(false);
            }
        };
    }

    private void schedule(Object key, DeviceAddress address, Consumer<PollResult> onResult, int failures, Duration delay) {
        if (scheduler.isShutdown()) {
            return;
        }
        scheduled.put(key, scheduler.schedule(() -> Thread.ofVirtual().start(() -> poll(key, address, onResult, failures)),
                delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void poll(Object key, DeviceAddress address, Consumer<PollResult> onResult, int failuresBefore) {
        if (!active.contains(key)) {
            return; // closed meanwhile
        }
        PollResult result;
        try {
            DeviceStatus status = devices.status(address);
            result = new PollResult(address, Instant.now(), Optional.of(status), Optional.empty(), 0, online);
        } catch (UploadBridgeException e) {
            int failures = failuresBefore + 1;
            result = new PollResult(address, Instant.now(), Optional.empty(), Optional.of(e), failures, backoff(failures));
        }
        onResult.accept(result);
        if (active.contains(key)) {
            schedule(key, address, onResult, result.failuresInARow(), result.nextPollIn());
        }
    }

    /** 5 s, 10 s, 20 s, ... up to the maximum: doubling per failure in a row. */
    Duration backoff(int failuresInARow) {
        long factor = 1L << Math.min(20, failuresInARow - 1);
        long millis = firstRetry.toMillis() * factor;
        return Duration.ofMillis(Math.min(maxRetry.toMillis(), millis));
    }

    private static Duration millis(Map<String, Object> properties, String key, Duration fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : Duration.ofMillis(Long.parseLong(value.toString()));
    }
}
