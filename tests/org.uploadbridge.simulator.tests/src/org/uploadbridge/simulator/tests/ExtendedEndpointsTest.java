package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.Extension;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.tests.DeviceClient.Answer;
import org.uploadbridge.simulator.tests.DeviceClient.Form;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The optional endpoints of extended builds: present when the profile has them, 404 when not. */
class ExtendedEndpointsTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18442;

    private SimulatedDevice start(DeviceProfile profile) {
        fleet = simulator.start(FleetSpec.of(1, profile).withFirstAddress("127.42.20.1").withPort(PORT));
        return fleet.device(0);
    }

    static Stream<Arguments> extendedEndpoints() {
        return Stream.of(Arguments.of("GET", "/api/library/list"), Arguments.of("POST", "/api/library/upload"),
                Arguments.of("POST", "/api/library/delete"), Arguments.of("POST", "/api/library/select"),
                Arguments.of("GET", "/api/ota/status"), Arguments.of("POST", "/api/ota/update"),
                Arguments.of("POST", "/api/brightness"), Arguments.of("GET", "/api/schedule"),
                Arguments.of("POST", "/api/schedule"), Arguments.of("POST", "/api/restart"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("extendedEndpoints")
    void aPlainEsp8266AnswersEveryExtendedEndpointWith404(String method, String path) throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        Answer answer = "GET".equals(method) ? client.get(device, path) : client.postJson(device, path, "{}");

        assertEquals(404, answer.status());
        assertEquals("Not found: " + path, answer.body());
        assertEquals(1, device.requestCount(path));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/library/list", "/api/ota/status", "/api/schedule" })
    void anEsp32AnswersTheExtendedReads(String path) throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());

        Answer answer = client.get(device, path);

        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json", answer.contentType().orElseThrow());
    }

    @Test
    void aProfileHasExactlyTheExtensionsItNames() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266().withExtensions(Extension.BRIGHTNESS));

        assertEquals(200, client.postJson(device, "/api/brightness", "{\"brightness\":10}").status());
        assertEquals(404, client.get(device, "/api/library/list").status());
        assertEquals(404, client.postJson(device, "/api/restart", "{}").status());
    }

    @Test
    void theLibraryStoresListsSelectsAndDeletesPatterns() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());
        byte[] first = NativePatterns.of(8, 6);
        byte[] second = NativePatterns.of(12, 3);

        Answer stored = client.post(device, "/api/library/upload", new Form().file("file", "aurora.bin", first));
        Answer named = client.post(device, "/api/library/upload",
                new Form().field("name", "evening").file("file", "grid.bin", second));

        assertEquals("{\"success\":true,\"message\":\"Pattern saved: aurora.bin (" + first.length + " bytes)\"}", stored.body());
        assertEquals(200, named.status(), named.body());
        JsonArray list = client.get(device, "/api/library/list").jsonElement().getAsJsonArray();
        assertEquals(JsonParser.parseString("[{\"name\":\"aurora.bin\",\"size\":" + first.length
                + ",\"leds\":8,\"frames\":6,\"active\":false},{\"name\":\"evening\",\"size\":" + second.length
                + ",\"leds\":12,\"frames\":3,\"active\":false}]"), list);
        assertEquals("No Pattern", client.get(device, "/api/status").json().get("status").getAsString());

        Answer selected = client.postJson(device, "/api/library/select", "{\"name\":\"evening\"}");

        assertEquals("{\"success\":true,\"message\":\"Pattern loaded: 12 LEDs \u00D7 3 frames (" + second.length
                + " bytes)\"}", selected.body());
        JsonObject status = client.get(device, "/api/status").json();
        assertEquals(12, status.get("num_leds").getAsInt());
        assertEquals(3, status.get("num_frames").getAsInt());
        assertTrue(client.get(device, "/api/library/list").jsonElement().getAsJsonArray().get(1).getAsJsonObject()
                .get("active").getAsBoolean());

        Answer deleted = client.postJson(device, "/api/library/delete", "{\"name\":\"aurora.bin\"}");

        assertEquals("{\"success\":true,\"message\":\"Pattern deleted: aurora.bin\"}", deleted.body());
        assertEquals(1, client.get(device, "/api/library/list").jsonElement().getAsJsonArray().size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/library/select | {\"name\":\"missing.bin\"} | 404 | Pattern not found: missing.bin",
        "/api/library/delete | {\"name\":\"missing.bin\"} | 404 | Pattern not found: missing.bin",
        "/api/library/select | {}                        | 400 | Missing pattern name",
        "/api/library/delete | {\"name\":7}              | 400 | Missing pattern name",
        "/api/library/select | not json                  | 400 | Invalid JSON",
        "/api/library/delete | [1,2]                     | 400 | Invalid JSON" })
    void libraryCommandsRefuseWhatTheyCannotDo(String path, String body, int status, String message) throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());

        Answer answer = client.postJson(device, path, body);

        assertEquals(status, answer.status());
        assertEquals("{\"success\":false,\"message\":\"" + message + "\"}", answer.body());
    }

    @Test
    void libraryUploadsPassTheSameChecksAsPlainUploads() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());

        Answer badName = client.post(device, "/api/library/upload", new Form().file("file", "notes.txt", NativePatterns.of(2, 2)));
        Answer badSize = client.post(device, "/api/library/upload",
                new Form().file("file", "cut.bin", NativePatterns.header(4, 2, 3)));

        assertEquals(400, badName.status());
        assertEquals("{\"success\":false,\"message\":\"Invalid file format. Use .bin, .hex, or .dat files.\"}", badName.body());
        assertEquals("{\"success\":false,\"message\":\"Pattern size mismatch. Expected: 32, Got: 7\"}", badSize.body());
        assertEquals("[]", client.get(device, "/api/library/list").body());
    }

    @Test
    void selectingAPatternLargerThanTheHeapFailsToAllocate() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32().withFreeHeap(1_000));
        assertEquals(200, client.post(device, "/api/library/upload", new Form().file("file", "big.bin", NativePatterns.of(100, 5)))
                .status());

        Answer answer = client.postJson(device, "/api/library/select", "{\"name\":\"big.bin\"}");

        assertEquals(500, answer.status());
        assertEquals("{\"success\":false,\"message\":\"Failed to allocate memory for pattern\"}", answer.body());
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 128, 255 })
    void brightnessInRangeIsApplied(int brightness) throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());

        Answer answer = client.postJson(device, "/api/brightness", "{\"brightness\":" + brightness + "}");

        assertEquals(200, answer.status());
        assertEquals("{\"success\":true,\"message\":\"Brightness set to " + brightness + "\",\"brightness\":" + brightness
                + "}", answer.body());
        assertEquals(brightness, device.status().brightness());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"brightness\":-1}     | Brightness must be between 0 and 255",
        "{\"brightness\":256}    | Brightness must be between 0 and 255",
        "{\"brightness\":1e10}   | Brightness must be between 0 and 255",
        "{\"brightness\":12.5}   | Brightness must be between 0 and 255",
        "{\"brightness\":\"12\"} | Brightness must be between 0 and 255",
        "{\"level\":12}          | Missing brightness",
        "brightness=12           | Invalid JSON" })
    void brightnessOutsideTheRangeIsRefused(String body, String message) throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());

        Answer answer = client.postJson(device, "/api/brightness", body);

        assertEquals(400, answer.status());
        assertEquals("{\"success\":false,\"message\":\"" + message + "\"}", answer.body());
        assertEquals(255, device.status().brightness());
    }

    @Test
    void theScheduleIsReadAndReplaced() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());
        assertEquals("{\"enabled\":false,\"entries\":[]}", client.get(device, "/api/schedule").body());
        String schedule = "{\"enabled\":true,\"entries\":[{\"time\":\"07:30\",\"pattern\":\"aurora.bin\"},{\"time\":\"23:59\"}]}";

        Answer saved = client.postJson(device, "/api/schedule", schedule);

        assertEquals("{\"success\":true,\"message\":\"Schedule saved (2 entries)\"}", saved.body());
        assertEquals(JsonParser.parseString(schedule), client.get(device, "/api/schedule").jsonElement());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"entries\":[{\"time\":\"24:00\"}]}  | Invalid schedule: entry 1 needs a time HH:MM",
        "{\"entries\":[{\"time\":\"7:30\"}]}   | Invalid schedule: entry 1 needs a time HH:MM",
        "{\"entries\":[{\"at\":\"07:30\"}]}    | Invalid schedule: entry 1 needs a time HH:MM",
        "{\"entries\":{}}                      | Invalid schedule: entries must be a list",
        "{\"enabled\":\"yes\"}                 | Invalid schedule: enabled must be true or false" })
    void anInvalidScheduleIsRefusedAndTheOldOneKept(String body, String message) throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());

        Answer answer = client.postJson(device, "/api/schedule", body);

        assertEquals(400, answer.status());
        assertEquals("{\"success\":false,\"message\":\"" + message + "\"}", answer.body());
        assertEquals("{\"enabled\":false,\"entries\":[]}", client.get(device, "/api/schedule").body());
    }

    @Test
    void aFirmwareImageWithoutTheMagicByteIsRefused() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());

        Answer wrongMagic = client.post(device, "/api/ota/update", new Form().file("firmware", "fw.bin", "not firmware".getBytes(
                StandardCharsets.US_ASCII)));
        Answer empty = client.post(device, "/api/ota/update", new Form().file("firmware", "fw.bin", new byte[0]));

        assertEquals(400, wrongMagic.status());
        assertEquals("{\"success\":false,\"message\":\"Update failed: Wrong Magic Byte\"}", wrongMagic.body());
        assertEquals("{\"success\":false,\"message\":\"No firmware image received\"}", empty.body());
        assertEquals("1.0.0", client.get(device, "/api/ota/status").json().get("firmware_version").getAsString());
        assertTrue(device.isOnline());
    }

    @Test
    void anOtaUpdateRebootsTheDeviceIntoTheNewFirmware() throws IOException, InterruptedException {
        SimulatedDevice device = start(DeviceProfile.esp32());
        assertEquals(200, client.upload(device, "before.bin", NativePatterns.of(4, 4)).status());
        assertEquals(200, client.post(device, "/api/library/upload", new Form().file("file", "kept.bin", NativePatterns.of(4, 4)))
                .status());

        Answer update = client.post(device, "/api/ota/update", new Form().file("firmware", "fw.bin", esp32Image("2.1.0")));
        long answered = System.nanoTime();

        assertEquals("{\"success\":true,\"message\":\"Update successful. Rebooting...\"}", update.body());
        Reachability.assertUnavailable(client, device);
        Reachability.awaitRefused(client, device, 300);
        long downMillis = Reachability.awaitStatus200(client, device, answered);
        assertTrue(downMillis >= 400, "back after " + downMillis + " ms; the reboot takes 500 ms");
        JsonObject ota = client.get(device, "/api/ota/status").json();
        assertEquals("2.1.0", ota.get("firmware_version").getAsString());
        assertEquals("1.0.0", ota.get("previous_version").getAsString());
        assertEquals(1, ota.get("update_count").getAsInt());
        assertEquals("2.1.0", device.status().firmwareVersion());
        // RAM is lost in a reboot, flash is not.
        assertEquals("No Pattern", client.get(device, "/api/status").json().get("status").getAsString());
        assertEquals(1, client.get(device, "/api/library/list").jsonElement().getAsJsonArray().size());
    }

    @Test
    void aRestartTakesTheDeviceAwayForItsRebootTime() throws IOException, InterruptedException {
        SimulatedDevice device = start(DeviceProfile.esp32().withRebootTime(Duration.ofMillis(300)));

        Answer restart = client.postJson(device, "/api/restart", "{}");
        long answered = System.nanoTime();

        assertEquals("{\"success\":true,\"message\":\"Restarting...\"}", restart.body());
        Reachability.assertUnavailable(client, device);
        assertTrue(Reachability.awaitStatus200(client, device, answered) >= 200);
        assertTrue(device.isOnline());
        assertEquals("1.0.0", device.status().firmwareVersion());
    }

    /** An ESP32 image: magic 0xE9, and an esp_app_desc_t with {@code version} at offset 32. */
    private static byte[] esp32Image(String version) {
        ByteBuffer image = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        image.put(0, (byte) 0xE9);
        image.putInt(32, 0xABCD5432);
        byte[] text = version.getBytes(StandardCharsets.US_ASCII);
        image.put(48, text);
        return image.array();
    }
}
