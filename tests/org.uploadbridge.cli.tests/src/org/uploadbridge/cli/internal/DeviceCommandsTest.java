package org.uploadbridge.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.LoopbackMdns;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.testing.SimulatedFleets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** scan, status, upload and simulate as a user runs them, against simulated devices on loopback. */
class DeviceCommandsTest {

    private static final int PORT = 18_500;

    private final CliHarness cli = CliHarness.separate();
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    @AfterEach
    void close() {
        cli.close();
    }

    private void fleet(int count, DeviceProfile profile, String first) {
        fleet = fleets.start(FleetSpec.of(count, profile).withFirstAddress(first).withPort(PORT));
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    @Test
    void scanFindsTheSimulatedDevices() {
        fleet(5, DeviceProfile.esp8266(), "127.47.0.1");
        assertEquals(Cli.OK, run("scan", "127.47.0.0/24", "--port", Integer.toString(PORT), "--json"), out());
        JsonObject json = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals(254, json.get("scanned").getAsInt());
        assertEquals(5, json.getAsJsonArray("devices").size());
        assertEquals(Cli.OK, run("scan", "127.47.0.0/24", "--port", Integer.toString(PORT)));
        assertTrue(out().contains("254 addresses") && out().contains("5 device(s)"), out());
    }

    @Test
    void scanWithMdnsFindsAnnouncedDevicesOnceEachThroughBothWays() throws Exception {
        LoopbackMdns.assumeAvailable();
        fleet(3, DeviceProfile.esp32(), "127.47.6.1");
        try (MdnsAdvertisement advertised = OsgiServices.await(DeviceSimulator.class).advertiseMdns(fleet)) {
            LoopbackMdns.awaitAnnounced(MdnsAdvertisement.HTTP_SERVICE, 3, Duration.ofSeconds(20));
            assertEquals(Cli.OK, run("scan", "127.47.6.0/29", "--port", Integer.toString(PORT), "--mdns", "3", "--json"), out());
        }
        JsonObject json = JsonParser.parseString(out()).getAsJsonObject();
        assertTrue(json.get("mdnsSightings").getAsLong() >= 3, out());
        JsonArray devices = json.getAsJsonArray("devices");
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            JsonObject device = devices.get(i).getAsJsonObject();
            if (device.get("address").getAsString().startsWith("127.47.6.")) {
                ours.add(device.get("address").getAsString());
                assertEquals("[\"scan\",\"mdns\"]", device.getAsJsonArray("foundBy").toString(), device.toString());
            }
        }
        assertEquals(3, ours.size(), "each device once, merged: " + ours);
    }

    @Test
    void statusUploadThenStatusAgain() {
        fleet(1, DeviceProfile.esp32(), "127.47.1.1");
        String device = "127.47.1.1:" + PORT;
        assertEquals(Cli.OK, run("status", device), out());
        assertTrue(out().contains("no pattern"), out());
        assertEquals(Cli.OK, run("upload", RepositoryFiles.sample("pulse_square.bin").toString(), device), out());
        assertTrue(out().contains("Pattern loaded: 100 LEDs × 5 frames (1514 bytes)"), out());
        assertTrue(out().contains("1 of 1 device(s) confirmed the pattern."), out());
        assertEquals(Cli.OK, run("status", device, "--json"), out());
        JsonObject status = JsonParser.parseString(out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(100, status.get("leds").getAsInt());
        assertEquals("classic", status.get("firmware").getAsString());
        JsonObject guard = status.getAsJsonObject("guard");
        assertEquals("closed", guard.get("breaker").getAsString());
        assertEquals(9, guard.get("uploadsLeftThisHour").getAsInt(), "one of the ten uploads an hour was used");
        assertEquals(100, status.get("health").getAsInt(), "one verified upload, status always answered");
        assertEquals(Cli.OK, run("status", device), out());
        assertTrue(out().contains("breaker closed, 9 upload(s) left this hour; health 100/100"), out());

        assertEquals(Cli.OK, run("metrics", "--csv"), out());
        String row = out().lines().filter(line -> line.startsWith(device + ",") || line.contains("," + device + ",")
                || line.startsWith("\"" + device)).findFirst().orElseThrow(() -> new AssertionError(out()));
        assertTrue(row.contains("100"), "the device's row has its score: " + row);
        assertEquals(Cli.OK, run("metrics"), out());
        assertTrue(out().contains(device) && out().contains("(all devices)"), out());
    }

    @Test
    void limitsSetForADeviceStopAnUploadThatDoesNotFitAndCanBeCleared() {
        fleet(1, DeviceProfile.esp32(), "127.47.5.1");
        String device = "127.47.5.1:" + PORT;
        String pattern = RepositoryFiles.sample("pulse_square.bin").toString(); // 100 LEDs
        try {
            assertEquals(Cli.OK, run("limits", device, "--profile", "esp8266", "--max-leds", "64", "--json"), out());
            JsonObject limits = JsonParser.parseString(out()).getAsJsonObject();
            assertEquals(64, limits.get("maxLeds").getAsInt());
            assertEquals(45_000, limits.get("freeRamBytes").getAsLong());

            assertEquals(Cli.FAILED, run("upload", pattern, device), out());
            assertTrue(out().contains("UB-D017"), out());
            assertEquals(0, fleet.device(0).acceptedPatterns().size(), "nothing was sent");

            assertEquals(Cli.OK, run("limits", device), out());
            assertTrue(out().contains("at most 64 LEDs"), out());
        } finally {
            assertEquals(Cli.OK, run("limits", device, "--profile", "none"), out());
        }
        assertTrue(out().contains("no limits assumed"), out());
        assertEquals(Cli.OK, run("upload", pattern, device), out());
    }

    @Test
    void fleetUploadReportsEachDevice() {
        fleet(4, DeviceProfile.esp8266(), "127.47.2.1");
        fleet.device(3).stop();
        String[] args = { "upload", RepositoryFiles.sample("aurora_strip.bin").toString(), "127.47.2.1:" + PORT,
                "127.47.2.2:" + PORT, "127.47.2.3:" + PORT, "127.47.2.4:" + PORT, "--json" };
        assertEquals(Cli.FAILED, run(args), out());
        JsonArray results = JsonParser.parseString(out()).getAsJsonArray();
        assertEquals(4, results.size());
        assertTrue(results.get(0).getAsJsonObject().get("success").getAsBoolean());
        JsonObject failed = results.get(3).getAsJsonObject();
        assertEquals(false, failed.get("success").getAsBoolean());
        assertEquals("UB-D002", failed.getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void addressesOutsideTheLanAreRefusedWithTheirCode() {
        assertEquals(Cli.FAILED, run("status", "8.8.8.8"));
        assertTrue(out().contains("UB-V110"), out());
        assertEquals(Cli.FAILED, run("scan", "8.8.8.0/24"));
        assertTrue(out().contains("UB-V123"), out());
    }

    @Test
    void libraryListsTheDevicesStoredPatternsOrSaysNotSupported() {
        fleet(1, DeviceProfile.esp32(), "127.47.4.1");
        assertEquals(Cli.OK, run("library", "127.47.4.1:" + PORT), out());
        assertTrue(out().contains("0 pattern(s) on 127.47.4.1:" + PORT), out());
        fleet.close();
        fleet(1, DeviceProfile.esp8266(), "127.47.4.2");
        assertEquals(Cli.FAILED, run("library", "127.47.4.2:" + PORT), out());
        assertTrue(out().contains("UB-D001 Not supported by this device"), out());
    }

    @Test
    void simulateRunsForTheTimeAskedAndStops() {
        long start = System.nanoTime();
        assertEquals(Cli.OK, run("simulate", "--count", "3", "--first", "127.47.3.1", "--port", Integer.toString(PORT), "--for", "1"));
        assertTrue(System.nanoTime() - start >= 900_000_000L);
        assertTrue(out().contains("Simulating 3 esp8266 classic device(s) on port " + PORT + ", 127.47.3.1 ... 127.47.3.3"), out());
        assertTrue(out().contains("Stopped the simulated devices."), out());
    }

    @Test
    void simulateWithFaultsMakesEveryRequestThatCanFailFail() throws Exception {
        CompletableFuture<Integer> simulate = CompletableFuture.supplyAsync(() -> run("simulate", "--count", "2", "--first",
                "127.47.9.1", "--port", Integer.toString(PORT), "--faults", "1", "--seed", "3", "--for", "2"));
        // The line is printed once the faults are in place.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out().contains("Faults:") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Not multipart: a device without faults answers 400 "No file uploaded" in plain JSON.
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.47.9.2:" + PORT + "/api/upload"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("no pattern")).build();

        // Every kind applies to a request with a body, so each one fails.
        for (int i = 0; i < 5; i++) {
            assertNotEquals("answered", outcome(http, upload));
        }
        assertEquals(Cli.OK, simulate.get(10, TimeUnit.SECONDS), out());
        assertTrue(out().contains("Faults: 100% of requests fail (connection reset mid-upload, 503, truncated or invalid JSON), "
                + "seed 3; --seed 3 repeats them."), out());
    }

    /** reset, 503, garbled or answered. */
    private static String outcome(HttpClient http, HttpRequest request) throws InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return "reset";
        }
        if (answer.statusCode() == 503) {
            return "503";
        }
        try {
            return JsonParser.parseString(answer.body()).isJsonObject() ? "answered" : "garbled";
        } catch (JsonParseException e) {
            return "garbled";
        }
    }
}
