package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FaultProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.tests.DeviceClient.Answer;

import com.google.gson.JsonParseException;

/**
 * Every fault kind as a plain HTTP client sees it, scripted and drawn from a seed. Time bounds are
 * lower bounds only: a busy machine is slower, never faster.
 */
class FaultInjectionTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18445;
    private static final String NO_PATTERN_STATUS = "{\"status\":\"No Pattern\",\"pattern_loaded\":false,\"num_leds\":0,"
            + "\"num_frames\":0,\"pattern_size\":0,\"wifi_mode\":\"AP\",\"ssid\":\"UploadBridge\",\"ip\":\"127.42.50.1\"}";

    private SimulatedDevice start(DeviceProfile profile, FaultProfile faults) {
        fleet = simulator.start(FleetSpec.of(2, profile).withFirstAddress("127.42.50.1").withPort(PORT));
        fleet.injectFaults(faults);
        return fleet.device(0);
    }

    private SimulatedDevice start() {
        return start(DeviceProfile.esp32(), FaultProfile.none());
    }

    @Test
    void aResetMidUploadBreaksTheConnectionAndTheDeviceKeepsNothing() throws IOException {
        SimulatedDevice device = start();
        byte[] pattern = NativePatterns.of(100, 50); // 15,104 bytes
        device.failNext(FaultKind.RESET_MID_UPLOAD, 1);

        assertThrows(IOException.class, () -> client.upload(device, "reset.bin", pattern));

        assertEquals(List.of(), device.acceptedPatterns());
        assertFalse(device.status().patternLoaded());
        assertEquals(1, device.requestCount("/api/upload"));
        assertEquals(1, device.injectedFaults().get(FaultKind.RESET_MID_UPLOAD));
        assertEquals(200, client.upload(device, "reset.bin", pattern).status(), "one reset, then the device recovers");
        assertEquals(NativePatterns.sha256(pattern), device.acceptedPatterns().get(0).sha256());
    }

    @Test
    void aScriptedResetWaitsForARequestWithABody() throws IOException {
        SimulatedDevice device = start();
        device.failNext(FaultKind.RESET_MID_UPLOAD, 1);

        assertEquals(NO_PATTERN_STATUS, client.get(device, "/api/status").body());
        assertEquals(0, device.injectedFaults().get(FaultKind.RESET_MID_UPLOAD));
        assertThrows(IOException.class, () -> client.postJson(device, "/api/brightness", "{\"brightness\":9}"));
        assertEquals(255, device.status().brightness());
    }

    @Test
    void failNextThreeWith503ThenTheDeviceRecovers() throws IOException {
        SimulatedDevice device = start();
        byte[] pattern = NativePatterns.of(10, 2);
        device.failNext(FaultKind.SERVICE_UNAVAILABLE, 3);

        Answer first = client.get(device, "/api/status");
        Answer upload = client.upload(device, "busy.bin", pattern);
        Answer third = client.get(device, "/api/status");
        Answer fourth = client.get(device, "/api/status");

        assertEquals(List.of(503, 503, 503, 200), List.of(first.status(), upload.status(), third.status(), fourth.status()));
        assertEquals("Service Unavailable", first.body());
        assertEquals("Service Unavailable", upload.body());
        assertEquals(NO_PATTERN_STATUS, fourth.body());
        assertEquals(List.of(), device.acceptedPatterns());
        assertEquals(4, device.requestCount(), "every request reached the device, faulted or not");
        assertEquals(3, device.injectedFaults().get(FaultKind.SERVICE_UNAVAILABLE));
    }

    @Test
    void aStallHoldsTheAnswerForTheStallTimeThenAnswersNormally() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32(), FaultProfile.none().withStallTime(Duration.ofMillis(400)));
        byte[] pattern = NativePatterns.of(10, 2);
        device.failNext(FaultKind.STALL, 2);

        long start = System.nanoTime();
        Answer status = client.get(device, "/api/status");
        long statusMillis = millisSince(start);
        Answer upload = client.upload(device, "late.bin", pattern);
        long bothMillis = millisSince(start);

        assertEquals(NO_PATTERN_STATUS, status.body());
        assertTrue(statusMillis >= 400, "answered after " + statusMillis + " ms");
        assertTrue(bothMillis >= 800, "two stalls took " + bothMillis + " ms");
        assertEquals(200, upload.status(), "a stall only slows the request down");
        assertEquals(NativePatterns.sha256(pattern), device.acceptedPatterns().get(0).sha256());
    }

    @Test
    void aClientThatGivesUpDuringAStallGetsNoAnswerAndTheDeviceStaysAvailable() throws Exception {
        SimulatedDevice device = start(DeviceProfile.esp32(), FaultProfile.none().withStallTime(Duration.ofSeconds(5)));
        device.failNext(FaultKind.STALL, 1);
        HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest status = HttpRequest.newBuilder(DeviceClient.uri(device, "/api/status")).timeout(Duration.ofMillis(300)).build();

        assertThrows(HttpTimeoutException.class, () -> impatient.send(status, HttpResponse.BodyHandlers.ofString()));

        // The stalled request holds no thread: the next one is answered at once.
        long start = System.nanoTime();
        assertEquals(200, client.get(device, "/api/status").status());
        assertTrue(millisSince(start) < 4_000, "the next request waited for the stall");
        // The fleet closes at once, although the stalled request is still held.
        long closing = System.nanoTime();
        fleet.close();
        assertTrue(millisSince(closing) < 2_000, "closing took " + millisSince(closing) + " ms");
    }

    @Test
    void aTruncatedJsonAnswerIsAPrefixThatFailsToParseAndChangesNothing() throws IOException {
        SimulatedDevice device = start();
        device.failNext(FaultKind.TRUNCATED_JSON, 2);

        Answer status = client.get(device, "/api/status");
        Answer upload = client.upload(device, "cut.bin", NativePatterns.of(10, 2));

        assertEquals(200, status.status());
        assertEquals(NO_PATTERN_STATUS.substring(0, NO_PATTERN_STATUS.length() / 2), status.body());
        assertEquals(String.valueOf(status.bytes().length), status.headers().firstValue("Content-Length").orElseThrow());
        assertThrows(JsonParseException.class, status::json);
        assertEquals(200, upload.status());
        assertTrue(upload.body().startsWith("{\"success\":true,\"mess"), upload.body());
        assertThrows(JsonParseException.class, upload::json);
        assertEquals(List.of(), device.acceptedPatterns(), "a garbled answer means the device kept nothing");
        assertFalse(device.status().patternLoaded());
        assertEquals(2, device.injectedFaults().get(FaultKind.TRUNCATED_JSON));
    }

    @Test
    void anInvalidJsonAnswerIsGarbageThatFailsToParseAndChangesNothing() throws IOException {
        SimulatedDevice device = start();
        device.failNext(FaultKind.INVALID_JSON, 2);

        Answer status = client.get(device, "/api/status");
        Answer brightness = client.postJson(device, "/api/brightness", "{\"brightness\":9}");

        assertEquals(200, status.status());
        assertEquals("application/json", status.contentType().orElseThrow());
        assertThrows(JsonParseException.class, status::json);
        assertThrows(JsonParseException.class, brightness::json);
        assertEquals(255, device.status().brightness());
        assertEquals(200, client.postJson(device, "/api/brightness", "{\"brightness\":9}").status());
        assertEquals(9, device.status().brightness());
    }

    @Test
    void garbledJsonFaultsPassByAnswersThatAreNoJson() throws IOException {
        SimulatedDevice device = start();
        device.failNext(FaultKind.INVALID_JSON, 1);

        assertTrue(client.get(device, "/").body().contains("<form"));
        assertEquals(404, client.get(device, "/nowhere").status());
        assertEquals(0, device.injectedFaults().get(FaultKind.INVALID_JSON));
        assertThrows(JsonParseException.class, () -> client.get(device, "/api/status").json());
    }

    @Test
    void aSlowDripDeliversTheWholeAnswerAFewBytesAtATime() throws Exception {
        SimulatedDevice device = start(DeviceProfile.esp32(), FaultProfile.none().withSlowDrip(16, Duration.ofMillis(40)));
        device.failNext(FaultKind.SLOW_DRIP, 1);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(DeviceClient.uri(device, "/api/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long headersMillis = millisSince(start);
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long totalMillis = millisSince(start);

        assertEquals(NO_PATTERN_STATUS, body, "complete, byte for byte");
        // 149 bytes in 10 chunks: 9 pauses of 40 ms.
        assertTrue(totalMillis >= 360, "the answer took only " + totalMillis + " ms");
        // The first chunks may come with the headers on a busy machine: at least half of the pauses follow them.
        assertTrue(totalMillis - headersMillis >= 180, "headers after " + headersMillis + " ms, body after " + totalMillis);
    }

    @Test
    void aRebootResetsTheRequestThenTheDeviceIsUnreachableUntilItComesBack() throws Exception {
        SimulatedDevice device = start(DeviceProfile.esp32().withRebootTime(Duration.ofMillis(400)), FaultProfile.none());
        assertEquals(200, client.upload(device, "before.bin", NativePatterns.of(10, 2)).status());
        assertEquals(200, client.postJson(device, "/api/brightness", "{\"brightness\":100}").status());
        device.failNext(FaultKind.REBOOT, 1);

        long start = System.nanoTime();
        assertThrows(IOException.class, () -> client.postJson(device, "/api/brightness", "{\"brightness\":7}"));
        Reachability.awaitRefused(client, device, 300);
        assertFalse(device.isOnline());
        long downMillis = Reachability.awaitStatus200(client, device, start);

        assertTrue(downMillis >= 350, "back after " + downMillis + " ms; the reboot takes 400 ms");
        assertTrue(device.isOnline());
        assertFalse(device.status().patternLoaded(), "RAM is lost in a reboot");
        assertEquals(100, device.status().brightness(), "the faulted request changed nothing; flash is kept");
        assertEquals(1, device.injectedFaults().get(FaultKind.REBOOT));
    }

    @Test
    void theSameSeedGivesTheSameFaultsForTheSameRequests() throws IOException {
        FaultProfile profile = FaultProfile.none().withSeed(42).with(FaultKind.SERVICE_UNAVAILABLE, 0.2)
                .with(FaultKind.TRUNCATED_JSON, 0.2).with(FaultKind.INVALID_JSON, 0.2);
        SimulatedDevice device = start(DeviceProfile.esp32(), profile);
        SimulatedDevice neighbour = fleet.device(1);

        List<String> first = statusOutcomes(device, 40);
        device.injectFaults(profile); // starts the sequence again
        List<String> again = statusOutcomes(device, 40);
        List<String> neighbours = statusOutcomes(neighbour, 40);
        device.injectFaults(profile.withSeed(43));
        List<String> otherSeed = statusOutcomes(device, 40);

        assertEquals(first, again);
        assertNotEquals(first, neighbours, "each device draws its own sequence");
        assertNotEquals(first, otherSeed);
        assertTrue(first.contains("ok") && first.contains("503") && first.contains("garbled"), first.toString());
        assertEquals(profile, neighbour.faults());
    }

    @Test
    void injectedFaultsAreCountedAndEveryRequestReachesTheDevice() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32(), FaultProfile.flaky(0.6, 7));

        List<String> outcomes = statusOutcomes(device, 50);

        Map<FaultKind, Long> injected = device.injectedFaults();
        assertEquals(FaultKind.values().length, injected.size(), "every kind is a key");
        assertEquals(outcomes.stream().filter("503"::equals).count(), injected.get(FaultKind.SERVICE_UNAVAILABLE));
        assertEquals(outcomes.stream().filter("garbled"::equals).count(),
                injected.get(FaultKind.TRUNCATED_JSON) + injected.get(FaultKind.INVALID_JSON));
        assertEquals(0, injected.get(FaultKind.RESET_MID_UPLOAD), "a GET has no body to reset in the middle of");
        assertEquals(50, device.requestCount("/api/status"));

        device.reset();
        assertEquals(0, device.injectedFaults().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(outcomes, statusOutcomes(device, 50), "reset starts the sequence again");
    }

    @Test
    void everyPatternADeviceAcceptedIsExactlyOneTheClientSawConfirmed() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32(), FaultProfile.flaky(0.6, 2024));
        List<String> confirmed = new ArrayList<>();

        for (int i = 1; i <= 30; i++) {
            byte[] pattern = NativePatterns.of(i, 3);
            try {
                Answer answer = client.upload(device, "p" + i + ".bin", pattern);
                if (answer.status() == 200 && answer.json().get("success").getAsBoolean()) {
                    confirmed.add(NativePatterns.sha256(pattern));
                }
            } catch (IOException | JsonParseException | IllegalStateException e) {
                // reset or garbled: the client cannot know, and the device must have kept nothing
            }
        }

        assertEquals(confirmed, device.acceptedPatterns().stream().map(AcceptedPattern::sha256).toList());
        assertTrue(confirmed.size() >= 5 && confirmed.size() <= 25, confirmed.size() + " of 30 went through");
        assertTrue(device.injectedFaults().get(FaultKind.RESET_MID_UPLOAD) > 0, device.injectedFaults().toString());
        assertEquals(30, device.requestCount("/api/upload"));
    }

    @Test
    void scriptedFaultsAreCheckedAndQueueInOrder() throws IOException {
        SimulatedDevice device = start();
        assertThrows(IllegalArgumentException.class, () -> device.failNext(FaultKind.STALL, 0));

        device.failNext(FaultKind.SERVICE_UNAVAILABLE, 1);
        device.failNext(FaultKind.INVALID_JSON, 1);

        assertEquals(503, client.get(device, "/api/status").status());
        assertThrows(JsonParseException.class, () -> client.get(device, "/api/status").json());
        assertEquals(NO_PATTERN_STATUS, client.get(device, "/api/status").body());
    }

    /** ok, 503 or garbled per request, in order. */
    private List<String> statusOutcomes(SimulatedDevice device, int requests) throws IOException {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Answer answer = client.get(device, "/api/status");
            if (answer.status() == 503) {
                outcomes.add("503");
            } else {
                try {
                    answer.json();
                    outcomes.add("ok");
                } catch (JsonParseException e) {
                    outcomes.add("garbled");
                }
            }
        }
        return outcomes;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
