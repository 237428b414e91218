package org.uploadbridge.resilience.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.resilience.GuardSettings;
import org.uploadbridge.resilience.ResilienceError;

/** One device's upload quotas: uploads in the last hour, uploads in progress, the cooldown after a failure. */
final class UploadLedger {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final Deque<Instant> lastHour = new ArrayDeque<>();
    private int inProgress;
    private Instant cooldownUntil = Instant.MIN;

    UploadLedger(Clock clock) {
        this.clock = clock;
    }

    /** Admits one upload or says which quota stops it; an admitted upload must be {@link #finished}. */
    synchronized void admit(DeviceAddress device, long bytes, GuardSettings settings) throws UploadBridgeException {
        Instant now = clock.instant();
        forgetBefore(now.minus(HOUR));
        if (settings.maxUploadBytes() > 0 && bytes > settings.maxUploadBytes()) {
            throw new UploadBridgeException(ResilienceError.FILE_TOO_LARGE, device, bytes, settings.maxUploadBytes());
        }
        if (now.isBefore(cooldownUntil)) {
            throw new UploadBridgeException(ResilienceError.COOLDOWN, device, secondsUntil(now, cooldownUntil));
        }
        if (settings.uploadsPerHour() > 0 && lastHour.size() >= settings.uploadsPerHour()) {
            Instant next = lastHour.peekFirst().plus(HOUR);
            throw new UploadBridgeException(ResilienceError.HOURLY_QUOTA, device, settings.uploadsPerHour(),
                    (secondsUntil(now, next) + 59) / 60);
        }
        if (settings.concurrentUploads() > 0 && inProgress >= settings.concurrentUploads()) {
            throw new UploadBridgeException(ResilienceError.TOO_MANY_UPLOADS, device, settings.concurrentUploads());
        }
        lastHour.addLast(now);
        inProgress++;
    }

    synchronized void finished(boolean succeeded, GuardSettings settings) {
        inProgress--;
        if (!succeeded && settings.cooldown().isPositive()) {
            cooldownUntil = clock.instant().plus(settings.cooldown());
        }
    }

    synchronized int uploadsLeft(GuardSettings settings) {
        forgetBefore(clock.instant().minus(HOUR));
        return settings.uploadsPerHour() == 0 ? Integer.MAX_VALUE : Math.max(0, settings.uploadsPerHour() - lastHour.size());
    }

    synchronized Duration cooldownLeft() {
        Instant now = clock.instant();
        return now.isBefore(cooldownUntil) ? Duration.between(now, cooldownUntil) : Duration.ZERO;
    }

    private void forgetBefore(Instant oldest) {
        while (!lastHour.isEmpty() && !lastHour.peekFirst().isAfter(oldest)) {
            lastHour.removeFirst();
        }
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
    }
}
