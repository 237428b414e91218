package org.uploadbridge.resilience.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.resilience.GuardSettings;
import org.uploadbridge.resilience.ResilienceError;

/** Upload quotas per device, on a clock the test moves. Quota refusals never reach the call. */
class UploadQuotaTest {

    private static final DeviceAddress DEVICE = new DeviceAddress("192.168.4.1", 80);
    private static final DeviceAddress OTHER = new DeviceAddress("192.168.4.2", 80);

    /** A clock the test sets. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T20:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final TestClock clock = new TestClock();

    private DeviceGuard guard(int perHour, long maxBytes, int concurrent, Duration cooldown) {
        return new FailsafeDeviceGuard(new GuardSettings(1, Duration.ofMillis(10), Duration.ofMillis(10), 0, 5,
                Duration.ofSeconds(30), 2, perHour, maxBytes, concurrent, cooldown), clock);
    }

    private static String upload(DeviceGuard guard, DeviceAddress device, long bytes) throws UploadBridgeException {
        return guard.call(device, DeviceOperation.UPLOAD, bytes, () -> "sent");
    }

    @Test
    void theHourlyQuotaCountsPerDeviceAndFreesAnHourLater() throws Exception {
        DeviceGuard guard = guard(2, 0, 0, Duration.ZERO);
        upload(guard, DEVICE, 100);
        clock.advance(Duration.ofMinutes(10));
        upload(guard, DEVICE, 100);
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> upload(guard, DEVICE, 100));
        assertEquals(ResilienceError.HOURLY_QUOTA, e.code());
        assertEquals("50", String.valueOf(e.args()[2]), "minutes until the first of the two leaves the hour");
        assertEquals("sent", upload(guard, OTHER, 100), "another device has its own quota");
        assertEquals("sent", guard.call(DEVICE, DeviceOperation.STATUS, 0, () -> "sent"), "status is no upload");

        clock.advance(Duration.ofMinutes(50));
        assertEquals("sent", upload(guard, DEVICE, 100));
        assertEquals(0, guard.state(DEVICE).uploadsLeftThisHour());
    }

    @Test
    void aFileLargerThanTheQuotaIsRefusedBeforeTheCall() {
        DeviceGuard guard = guard(0, 1000, 0, Duration.ZERO);
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> guard.call(DEVICE, DeviceOperation.UPLOAD, 1001, () -> {
                    throw new AssertionError("the call must not run");
                }));
        assertEquals(ResilienceError.FILE_TOO_LARGE, e.code());
    }

    @Test
    void aFailedUploadStartsTheCooldownAndASuccessfulOneDoesNot() throws Exception {
        DeviceGuard guard = guard(0, 0, 0, Duration.ofSeconds(30));
        upload(guard, DEVICE, 10);
        upload(guard, DEVICE, 10);
        assertThrows(UploadBridgeException.class, () -> guard.call(DEVICE, DeviceOperation.UPLOAD, 10, () -> {
            throw new UploadBridgeException(DeviceError.REJECTED, DEVICE, "no");
        }));
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> upload(guard, DEVICE, 10));
        assertEquals(ResilienceError.COOLDOWN, e.code());
        assertEquals(Duration.ofSeconds(30), guard.state(DEVICE).cooldownLeft());
        clock.advance(Duration.ofSeconds(30));
        assertEquals("sent", upload(guard, DEVICE, 10));
    }

    @Test
    void concurrentUploadsToOneDeviceAreCapped() throws Exception {
        DeviceGuard guard = guard(0, 0, 1, Duration.ZERO);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> guard.call(DEVICE, DeviceOperation.UPLOAD, 10, () -> {
                started.countDown();
                awaitUninterruptibly(release);
                return "sent";
            }));
            started.await();
            try {
                UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> upload(guard, DEVICE, 10));
                assertEquals(ResilienceError.TOO_MANY_UPLOADS, e.code());
            } finally {
                release.countDown();
            }
        }
        assertEquals("sent", upload(guard, DEVICE, 10), "free again once the first finished");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
