package org.uploadbridge.simulator.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.uploadbridge.simulator.DdpFrame;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** WLED's {@code info} and {@code state} documents, shaped like those of the real releases. */
final class WledDocuments {

    /** WLED calls a realtime source gone after 2.5 s without data. */
    private static final long LIVE_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(2500);
    private static final List<String> EFFECTS = List.of("Solid", "Blink", "Breathe", "Wipe", "Wipe Random");
    private static final List<String> PALETTES = List.of("Default", "* Random Cycle", "* Color 1", "* Colors 1&2");

    private WledDocuments() {
    }

    static JsonObject info(WledLoopbackDevice device, DeviceMemory memory) {
        WledSettings settings = device.profile().wled();
        WledMemory wled = memory.wled();
        String version = memory.firmware().version();
        List<DdpFrame> frames = device.frames();
        long now = System.nanoTime();
        boolean live = !frames.isEmpty() && now - frames.getLast().receivedNanos() < LIVE_TIMEOUT_NANOS;
        long fps = frames.stream().filter(frame -> now - frame.receivedNanos() < TimeUnit.SECONDS.toNanos(1)).count();
        JsonObject info = new JsonObject();
        info.addProperty("ver", version);
        info.addProperty("vid", vid(version, settings.release()));
        if (settings.release().hasReleaseName()) {
            info.addProperty("release", settings.releaseName());
        }
        JsonObject leds = new JsonObject();
        leds.addProperty("count", settings.ledCount());
        leds.addProperty("pwr", 0);
        leds.addProperty("fps", fps);
        leds.addProperty("maxpwr", 850);
        leds.addProperty("maxseg", 32);
        if (settings.release() == WledRelease.V0_15_0) {
            leds.addProperty("bootps", 0);
        }
        JsonArray segmentCapabilities = new JsonArray();
        segmentCapabilities.add(1);
        leds.add("seglc", segmentCapabilities);
        leds.addProperty("lc", 1);
        leds.addProperty("rgbw", false);
        leds.addProperty("wv", 0);
        leds.addProperty("cct", 0);
        info.add("leds", leds);
        info.addProperty("str", false);
        info.addProperty("name", device.name());
        info.addProperty("udpport", 21324);
        info.addProperty("live", live);
        info.addProperty("liveseg", -1);
        info.addProperty("lm", live ? "DDP" : "");
        info.addProperty("lip", "");
        info.addProperty("ws", 0);
        info.addProperty("fxcount", 187);
        info.addProperty("palcount", 71);
        info.addProperty("cpalcount", 0);
        JsonObject wifi = new JsonObject();
        wifi.addProperty("bssid", "02:00:00:00:00:01");
        wifi.addProperty("rssi", -52);
        wifi.addProperty("signal", 96);
        wifi.addProperty("channel", 6);
        info.add("wifi", wifi);
        JsonObject fs = new JsonObject();
        fs.addProperty("u", (wled.usedBytes() + 1023) / 1024);
        fs.addProperty("t", WledMemory.FS_TOTAL_BYTES / 1024);
        fs.addProperty("pmt", 0);
        info.add("fs", fs);
        info.addProperty("ndc", 0);
        info.addProperty("arch", "esp32");
        info.addProperty("core", "v3.3.6-16-gcc5440f6a2");
        if (settings.release() == WledRelease.V0_15_0) {
            info.addProperty("clock", 240);
            info.addProperty("flash", 4);
        }
        info.addProperty("lwip", 0);
        info.addProperty("freeheap", device.profile().freeHeapBytes());
        info.addProperty("uptime", wled.uptimeSeconds());
        info.addProperty("opt", 79);
        info.addProperty("brand", "WLED");
        info.addProperty("product", "FOSS");
        info.addProperty("mac", device.mac().replace(":", ""));
        info.addProperty("ip", device.ip());
        return info;
    }

    static JsonObject state(WledLoopbackDevice device, WledMemory wled) {
        int count = device.profile().wled().ledCount();
        JsonObject state = new JsonObject();
        state.addProperty("on", wled.on());
        state.addProperty("bri", wled.brightness());
        state.addProperty("transition", 7);
        state.addProperty("ps", -1);
        state.addProperty("pl", -1);
        JsonObject nightlight = new JsonObject();
        nightlight.addProperty("on", false);
        nightlight.addProperty("dur", 60);
        nightlight.addProperty("mode", 1);
        nightlight.addProperty("tbri", 0);
        nightlight.addProperty("rem", -1);
        state.add("nl", nightlight);
        JsonObject sync = new JsonObject();
        sync.addProperty("send", false);
        sync.addProperty("recv", true);
        state.add("udpn", sync);
        state.addProperty("lor", 0);
        state.addProperty("mainseg", 0);
        JsonObject segment = new JsonObject();
        segment.addProperty("id", 0);
        segment.addProperty("start", 0);
        segment.addProperty("stop", count);
        segment.addProperty("len", count);
        segment.addProperty("grp", 1);
        segment.addProperty("spc", 0);
        segment.addProperty("of", 0);
        segment.addProperty("on", true);
        segment.addProperty("frz", false);
        segment.addProperty("bri", 255);
        segment.addProperty("cct", 127);
        JsonArray colors = new JsonArray();
        colors.add(rgb(255, 160, 0));
        colors.add(rgb(0, 0, 0));
        colors.add(rgb(0, 0, 0));
        segment.add("col", colors);
        segment.addProperty("fx", 0);
        segment.addProperty("sx", 128);
        segment.addProperty("ix", 128);
        segment.addProperty("pal", 0);
        segment.addProperty("sel", true);
        segment.addProperty("rev", false);
        segment.addProperty("mi", false);
        JsonArray segments = new JsonArray();
        segments.add(segment);
        state.add("seg", segments);
        return state;
    }

    static JsonArray effects() {
        return names(EFFECTS);
    }

    static JsonArray palettes() {
        return names(PALETTES);
    }

    /** The running version's build id: that of a known release, else the profile's. */
    private static int vid(String version, WledRelease fallback) {
        for (WledRelease release : WledRelease.values()) {
            if (release.version().equals(version)) {
                return release.vid();
            }
        }
        return fallback.vid();
    }

    private static JsonArray rgb(int r, int g, int b) {
        JsonArray color = new JsonArray();
        color.add(r);
        color.add(g);
        color.add(b);
        return color;
    }

    private static JsonArray names(List<String> names) {
        JsonArray array = new JsonArray();
        names.forEach(array::add);
        return array;
    }
}
