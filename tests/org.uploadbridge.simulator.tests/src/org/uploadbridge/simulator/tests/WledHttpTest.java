package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.Firmware;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;
import org.uploadbridge.testing.FirmwareImages;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** WLED devices over real HTTP on loopback: documents per release, state, files, OTA, PIN lock. */
class WledHttpTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18446;
    private static final String FIRST = "127.42.30.1";

    private WledDevice start(WledSettings settings) {
        fleet = simulator.start(FleetSpec.of(1, DeviceProfile.wled(settings.withDdpPort(0))).withFirstAddress(FIRST)
                .withPort(PORT).withNamePrefix("wled-"));
        return assertInstanceOf(WledDevice.class, fleet.device(0));
    }

    @ParameterizedTest
    @EnumSource(WledRelease.class)
    void infoIsShapedLikeTheRelease(WledRelease release) throws IOException {
        WledDevice device = start(WledSettings.of(release).withLedCount(144));
        DeviceClient.Answer answer = client.get(device, "/json/info");
        assertEquals(200, answer.status());
        assertEquals("application/json", answer.contentType().orElseThrow());
        JsonObject info = answer.json();
        assertEquals(release.version(), info.get("ver").getAsString());
        assertEquals(release.vid(), info.get("vid").getAsInt());
        assertEquals(release.hasReleaseName(), info.has("release"), "0.15.0 names its release, 0.14.4 does not");
        assertEquals("wled-1", info.get("name").getAsString());
        assertEquals("esp32", info.get("arch").getAsString());
        assertEquals(device.mac().replace(":", ""), info.get("mac").getAsString());
        assertEquals("127.42.30.1", info.get("ip").getAsString());
        assertTrue(info.get("freeheap").getAsLong() > 0);
        assertTrue(info.get("uptime").getAsLong() >= 0);
        JsonObject leds = info.getAsJsonObject("leds");
        assertEquals(144, leds.get("count").getAsInt());
        assertFalse(leds.get("rgbw").getAsBoolean());
        for (String field : List.of("maxpwr", "fps")) {
            assertTrue(leds.has(field), field);
        }
        JsonObject wifi = info.getAsJsonObject("wifi");
        for (String field : List.of("rssi", "signal", "channel")) {
            assertTrue(wifi.has(field), field);
        }
        JsonObject fs = info.getAsJsonObject("fs");
        assertTrue(fs.get("u").getAsInt() >= 1 && fs.get("t").getAsInt() == 983, fs.toString());
        assertEquals(release.version(), device.status().firmwareVersion());
    }

    @Test
    void jsonHasStateInfoEffectsAndPalettes() throws IOException {
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        JsonObject all = client.get(device, "/json").json();
        for (String part : List.of("state", "info", "effects", "palettes")) {
            assertTrue(all.has(part), part);
        }
        JsonObject state = client.get(device, "/json/state").json();
        assertTrue(state.get("on").getAsBoolean());
        assertEquals(128, state.get("bri").getAsInt(), "WLED's boot brightness");
        assertEquals(30, state.getAsJsonArray("seg").get(0).getAsJsonObject().get("len").getAsInt());
    }

    @Test
    void postedStateIsApplied() throws IOException {
        WledDevice device = start(WledSettings.of(WledRelease.V0_14_4));
        DeviceClient.Answer answer = client.postJson(device, "/json/state", "{\"on\":false,\"bri\":40}");
        assertEquals(200, answer.status());
        assertEquals("{\"success\":true}", answer.body());
        assertFalse(device.isOn());
        assertEquals(40, device.brightness());
        JsonObject state = client.postJson(device, "/json/state", "{\"on\":\"t\",\"v\":true}").json();
        assertTrue(state.get("on").getAsBoolean(), "\"t\" toggles; \"v\" answers the new state");
        assertEquals(40, state.get("bri").getAsInt());
        client.postJson(device, "/json/state", "{\"bri\":0}");
        assertFalse(device.isOn(), "brightness 0 turns the light off");
        assertEquals(40, client.get(device, "/json/state").json().get("bri").getAsInt());
        DeviceClient.Answer notJson = client.postJson(device, "/json/state", "{on:");
        assertEquals(400, notJson.status());
        assertEquals(9, notJson.json().get("error").getAsInt());
    }

    @Test
    void filesAreUploadedListedAndDeleted() throws IOException {
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        byte[] presets = "{\"0\":{},\"1\":{\"n\":\"Warm\"}}".getBytes(StandardCharsets.UTF_8);
        DeviceClient.Answer uploaded = client.post(device, "/upload", new DeviceClient.Form().file("data", "presets.json", presets));
        assertEquals(200, uploaded.status());
        assertEquals("File Uploaded!", uploaded.body());
        assertArrayEquals(presets, device.files().get("/presets.json"));
        client.post(device, "/upload", new DeviceClient.Form().file("data", "/ledmap.json", new byte[] { '{', '}' }));
        JsonArray list = client.get(device, "/edit?func=list").jsonElement().getAsJsonArray();
        JsonObject entry = find(list, "presets.json");
        assertEquals("file", entry.get("type").getAsString());
        assertEquals(presets.length, entry.get("size").getAsInt());
        find(list, "ledmap.json");
        assertEquals(200, client.get(device, "/edit?func=delete&path=/ledmap.json").status());
        assertFalse(device.files().containsKey("/ledmap.json"));
        assertEquals(404, client.get(device, "/edit?func=delete&path=/ledmap.json").status());
        assertTrue(device.isOnline(), "only cfg.json reboots");
    }

    @Test
    void uploadingCfgJsonReboots() throws Exception {
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0).withPin(null));
        client.postJson(device, "/json/state", "{\"bri\":200}");
        byte[] config = "{\"id\":{\"name\":\"Kitchen\"}}".getBytes(StandardCharsets.UTF_8);
        DeviceClient.Answer answer = client.post(device, "/upload", new DeviceClient.Form().file("data", "cfg.json", config));
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("Rebooting"), answer.body());
        awaitRebooted(device);
        assertArrayEquals(config, device.files().get("/cfg.json"), "files are in flash: kept");
        assertEquals(128, device.brightness(), "the light state is RAM: back to boot values");
    }

    @Test
    void otaAcceptsAMatchingImageAndReboots() throws Exception {
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        DeviceClient.Answer answer = ota(device, FirmwareImages.esp32("0.15.1", "ESP32"), false);
        assertEquals(200, answer.status());
        assertEquals("Update successful! Rebooting...", answer.body());
        awaitRebooted(device);
        JsonObject info = client.get(device, "/json/info").json();
        assertEquals("0.15.1", info.get("ver").getAsString());
        assertEquals("0.15.1", device.status().firmwareVersion());
    }

    @Test
    void otaRefusesWrongMagicAndAnotherRelease() throws Exception {
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        byte[] notAnImage = FirmwareImages.esp32("0.15.1", "ESP32");
        notAnImage[0] = 0x00;
        DeviceClient.Answer wrongMagic = ota(device, notAnImage, false);
        assertEquals(500, wrongMagic.status());
        assertTrue(wrongMagic.body().contains("Wrong Magic Byte"), wrongMagic.body());
        DeviceClient.Answer mismatch = ota(device, FirmwareImages.esp32("0.15.1", "ESP8266"), false);
        assertEquals(500, mismatch.status());
        assertTrue(mismatch.body().contains("release name mismatch"), mismatch.body());
        assertTrue(device.isOnline(), "a refused update does not reboot");
        assertEquals("0.15.0", device.status().firmwareVersion());
        DeviceClient.Answer skipped = ota(device, FirmwareImages.esp32("0.15.1", "ESP8266"), true);
        assertEquals(200, skipped.status(), "skipValidation=1 overrides the check");
        awaitRebooted(device);
        assertEquals("0.15.1", device.status().firmwareVersion());
    }

    @Test
    void otaAcceptsAGzippedImageAndRefusesBrokenGzip() throws Exception {
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        byte[] broken = { 0x1F, (byte) 0x8B, 1, 2, 3 };
        DeviceClient.Answer refused = ota(device, broken, false);
        assertEquals(500, refused.status());
        assertTrue(refused.body().contains("gzip"), refused.body());
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(FirmwareImages.esp32("0.15.2", "ESP32"));
        }
        assertEquals(200, ota(device, gzipped.toByteArray(), false).status());
        awaitRebooted(device);
        assertEquals("0.15.2", device.status().firmwareVersion());
    }

    @Test
    void releaseWithoutReleaseNameChecksNone() throws Exception {
        WledDevice device = start(WledSettings.of(WledRelease.V0_14_4));
        assertEquals(200, ota(device, FirmwareImages.esp32("0.14.5", "ESP8266"), false).status());
        awaitRebooted(device);
    }

    @Test
    void pinLockAnswers401ToFilesAndOta() throws IOException {
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0).withPin("1234"));
        assertEquals(401, client.post(device, "/upload", new DeviceClient.Form().file("data", "x.json", new byte[] { 1 })).status());
        assertEquals(401, client.get(device, "/edit?func=list").status());
        assertEquals(401, client.get(device, "/edit?func=delete&path=/cfg.json").status());
        assertEquals(401, ota(device, FirmwareImages.esp32("0.15.1", "ESP32"), false).status());
        assertFalse(device.files().containsKey("/x.json"));
        assertTrue(device.files().containsKey("/cfg.json"));
        assertEquals(200, client.get(device, "/json/state").status(), "the light itself is not locked");
    }

    @Test
    void classicAndWledAnswerOnlyTheirOwnApi() throws IOException {
        WledDevice wled = start(WledSettings.of(WledRelease.V0_15_0));
        assertEquals(Firmware.WLED, wled.profile().firmware());
        assertEquals(404, client.get(wled, "/api/status").status());
        fleet.close();
        fleet = simulator.start(FleetSpec.of(1, DeviceProfile.esp32()).withFirstAddress(FIRST).withPort(PORT));
        SimulatedDevice classic = fleet.device(0);
        assertFalse(classic instanceof WledDevice);
        assertEquals(Firmware.CLASSIC, classic.profile().firmware());
        assertEquals(404, client.get(classic, "/json/info").status());
        assertEquals(200, client.get(classic, "/api/status").status());
    }

    private DeviceClient.Answer ota(WledDevice device, byte[] image, boolean skipValidation) throws IOException {
        DeviceClient.Form form = new DeviceClient.Form();
        if (skipValidation) {
            form.field("skipValidation", "1");
        }
        return client.post(device, "/update", form.file("update", "WLED_0.15.1_ESP32.bin", image));
    }

    /** The device began its reboot when it answered; waits until it answers again. */
    private void awaitRebooted(WledDevice device) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (client.get(device, "/json/info").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // still rebooting: refused or reset
            }
            Thread.sleep(20);
        }
        fail(device.name() + " did not come back after its reboot");
    }

    private static JsonObject find(JsonArray list, String name) {
        for (JsonElement element : list) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                return element.getAsJsonObject();
            }
        }
        return fail(name + " not listed in " + list);
    }
}
