package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;

/** A throttled device reads uploads no faster than its profile says. Lower bounds only: a busy machine is slower. */
class BandwidthTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18444;

    @Test
    void twoHundredKilobytesAtHalfAMegabytePerSecondTakeAtLeastThreeTenthsOfASecond() throws IOException {
        DeviceProfile throttled = DeviceProfile.esp32().withBandwidth(DeviceProfile.ESP8266_BYTES_PER_SECOND);
        fleet = simulator.start(FleetSpec.of(1, throttled).withFirstAddress("127.42.40.1").withPort(PORT));
        SimulatedDevice device = fleet.device(0);
        byte[] pattern = NativePatterns.of(1000, 66); // 198,136 bytes
        assertTrue(pattern.length > 195_000);

        long start = System.nanoTime();
        DeviceClient.Answer answer = client.upload(device, "wide.bin", pattern);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(200, answer.status(), answer.body());
        assertTrue(millis >= 350, "a 198 KB upload at 500,000 B/s took only " + millis + " ms");
        assertEquals(NativePatterns.sha256(pattern), device.acceptedPatterns().get(0).sha256());
    }

    @Test
    void aDeviceStoppedInTheMiddleOfAnUploadDropsItAndRecordsNothing() throws Exception {
        DeviceProfile slow = DeviceProfile.esp32().withBandwidth(20_000);
        fleet = simulator.start(FleetSpec.of(1, slow).withFirstAddress("127.42.42.1").withPort(PORT));
        SimulatedDevice device = fleet.device(0);
        byte[] pattern = NativePatterns.of(100, 100); // 30,204 bytes: 1.5 s at 20,000 B/s
        CompletableFuture<DeviceClient.Answer> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return client.upload(device, "slow.bin", pattern);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        awaitBusy(device);

        device.stop();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> upload.get(10, TimeUnit.SECONDS));
        assertInstanceOf(UncheckedIOException.class, failure.getCause());
        assertEquals(List.of(), device.acceptedPatterns());
        device.start();
        assertEquals(200, client.get(device, "/api/status").status());
    }

    /** Waits until the upload has reached the device (it counts a request as soon as the headers are in). */
    private static void awaitBusy(SimulatedDevice device) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (device.requestCount("/api/upload") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, device.requestCount("/api/upload"));
    }

    @Test
    void aThrottledDeviceStillAnswersItsStatusAtOnce() throws IOException {
        DeviceProfile throttled = DeviceProfile.esp8266().withBandwidth(1_000);
        fleet = simulator.start(FleetSpec.of(1, throttled).withFirstAddress("127.42.41.1").withPort(PORT));

        assertEquals(200, client.get(fleet.device(0), "/api/status").status());
    }
}
