package org.uploadbridge.resilience.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.TimeoutRule;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.resilience.TimeoutSettings;

/** Timeouts start at the original tool's rules and follow each device's measured answer times and throughput. */
class AdaptiveTimeoutsTest {

    private static final DeviceAddress DEVICE = new DeviceAddress("127.0.0.1", 80);
    private static final DeviceAddress OTHER = new DeviceAddress("127.0.0.2", 80);
    private static final long MEGABYTE = 1024 * 1024;

    private final AdaptiveTimeoutService timeouts = new AdaptiveTimeoutService(TimeoutSettings.defaults());

    @Test
    void anUnmeasuredDeviceGetsTheOriginalRules() {
        assertEquals(Duration.ofSeconds(5), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0));
        assertEquals(Duration.ofSeconds(10), timeouts.timeout(DEVICE, DeviceOperation.LIBRARY, 0));
        assertEquals(Duration.ofSeconds(20), timeouts.timeout(DEVICE, DeviceOperation.UPLOAD, 2 * MEGABYTE));
        assertEquals(Duration.ofSeconds(120), timeouts.timeout(DEVICE, DeviceOperation.UPLOAD, 100 * MEGABYTE), "clamped to its max");
        assertEquals(Duration.ofSeconds(50), timeouts.timeout(DEVICE, DeviceOperation.FIRMWARE, 2 * MEGABYTE));
        assertEquals(Duration.ofSeconds(5), timeouts.timeout(DEVICE, DeviceOperation.CONTROL, 0));
    }

    @Test
    void aQuickDeviceGetsTheShortestStatusTimeoutAfterThreeAnswers() {
        answer(DEVICE, DeviceOperation.STATUS, 0, 20);
        answer(DEVICE, DeviceOperation.STATUS, 0, 20);
        assertEquals(Duration.ofSeconds(5), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0), "two answers are not enough");
        answer(DEVICE, DeviceOperation.STATUS, 0, 20);
        assertEquals(Duration.ofSeconds(3), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0));
        assertEquals(Duration.ofSeconds(5), timeouts.timeout(OTHER, DeviceOperation.STATUS, 0), "per device");
    }

    @Test
    void aSlowDeviceGetsMoreThanItsAnswersTakeWithinTheBound() {
        for (int i = 0; i < 20; i++) {
            answer(DEVICE, DeviceOperation.STATUS, 0, i % 2 == 0 ? 5_500 : 6_500);
        }
        long millis = timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0).toMillis();
        // SRTT about 6 s, deviation about 0.5 s: about 8 s, above the 5 s default and under the 15 s bound
        assertTrue(millis > 7_000 && millis < 10_000, "status timeout " + millis + " ms");
        for (int i = 0; i < 10; i++) {
            answer(DEVICE, DeviceOperation.STATUS, 0, 16_000);
        }
        assertEquals(Duration.ofSeconds(15), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0), "never above the rule's max");
    }

    @Test
    void transfersFollowTheMeasuredThroughput() {
        answer(DEVICE, DeviceOperation.UPLOAD, MEGABYTE, 2_000); // 0.5 MiB/s, an ESP8266's pace
        // the status answer time (5 s, not measured yet) + 3 x 8 s for 4 MiB
        assertEquals(Duration.ofSeconds(29), timeouts.timeout(DEVICE, DeviceOperation.UPLOAD, 4 * MEGABYTE));
        assertEquals(Duration.ofSeconds(10), timeouts.timeout(DEVICE, DeviceOperation.UPLOAD, 100_000), "not below the min");
        answer(DEVICE, DeviceOperation.UPLOAD, 1_000, 5_000); // too small to say anything about throughput
        assertEquals(Duration.ofSeconds(29), timeouts.timeout(DEVICE, DeviceOperation.UPLOAD, 4 * MEGABYTE));
    }

    @Test
    void aTimeoutDoublesTheNextUpToEightTimesAndASuccessResetsIt() {
        assertEquals(Duration.ofSeconds(5), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0));
        timedOut(DEVICE, DeviceOperation.STATUS);
        assertEquals(Duration.ofSeconds(10), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0));
        timedOut(DEVICE, DeviceOperation.STATUS);
        assertEquals(Duration.ofSeconds(15), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0), "capped at the max");
        assertEquals(Duration.ofSeconds(10), timeouts.timeout(DEVICE, DeviceOperation.LIBRARY, 0), "per operation");
        timedOut(DEVICE, DeviceOperation.UPLOAD);
        timedOut(DEVICE, DeviceOperation.UPLOAD);
        timedOut(DEVICE, DeviceOperation.UPLOAD);
        timedOut(DEVICE, DeviceOperation.UPLOAD);
        assertEquals(Duration.ofSeconds(80), timeouts.timeout(DEVICE, DeviceOperation.UPLOAD, 0), "8 x 10 s, no more");
        answer(DEVICE, DeviceOperation.STATUS, 0, 20);
        assertEquals(Duration.ofSeconds(5), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0), "an answer ends the doubling");
    }

    @Test
    void aRefusalTeachesNothing() {
        UploadBridgeException refused = new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, DEVICE, 404, "not found");
        for (int i = 0; i < 5; i++) {
            timeouts.attempted(DEVICE, DeviceOperation.STATUS, 0, Duration.ofMillis(1), Optional.of(refused));
        }
        assertEquals(Duration.ofSeconds(5), timeouts.timeout(DEVICE, DeviceOperation.STATUS, 0));
    }

    @Test
    void withoutAdaptationOnlyTheConfiguredRulesApply() {
        AdaptiveTimeoutService fixed = new AdaptiveTimeoutService(TimeoutSettings.from(Map.of(TimeoutSettings.ADAPTIVE, "false",
                "status.baseMs", "2000", "status.minMs", "1000", "status.maxMs", "4000")));
        for (int i = 0; i < 5; i++) {
            fixed.attempted(DEVICE, DeviceOperation.STATUS, 0, Duration.ofMillis(10), Optional.empty());
        }
        fixed.attempted(DEVICE, DeviceOperation.STATUS, 0, Duration.ofSeconds(2),
                Optional.of(new UploadBridgeException(DeviceError.TIMED_OUT, DEVICE, "GET /api/status", 2)));
        assertEquals(Duration.ofSeconds(2), fixed.timeout(DEVICE, DeviceOperation.STATUS, 0));
        assertEquals(Duration.ofSeconds(2), fixed.timeout(DEVICE, DeviceOperation.CONTROL, 0), "control calls follow status");
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> TimeoutSettings.from(Map.of(TimeoutSettings.ADAPTIVE, "yes")));
        assertThrows(IllegalArgumentException.class, () -> TimeoutSettings.from(Map.of("upload.minMs", "30000", "upload.maxMs", "20000")));
        assertThrows(IllegalArgumentException.class, () -> TimeoutSettings.from(Map.of("library.minMs", "0")));
        assertEquals(TimeoutRule.defaultFor(DeviceOperation.FIRMWARE), TimeoutSettings.defaults().rule(DeviceOperation.FIRMWARE));
    }

    private void answer(DeviceAddress device, DeviceOperation operation, long bytes, long millis) {
        timeouts.attempted(device, operation, bytes, Duration.ofMillis(millis), Optional.empty());
    }

    private void timedOut(DeviceAddress device, DeviceOperation operation) {
        timeouts.attempted(device, operation, 0, Duration.ofSeconds(5),
                Optional.of(new UploadBridgeException(DeviceError.TIMED_OUT, device, operation.name(), 5)));
    }
}
