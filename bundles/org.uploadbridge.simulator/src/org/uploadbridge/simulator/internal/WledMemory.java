package org.uploadbridge.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.uploadbridge.simulator.WledSettings;

/**
 * What a WLED device holds besides its firmware: the light state (RAM) and its file system
 * (flash). One lock guards it; {@link #copy()} serves requests whose changes must not stay.
 */
final class WledMemory {

    /** WLED's default brightness after boot (no boot preset). */
    static final int BOOT_BRIGHTNESS = 128;
    /** The ESP32 4 MB layout's LittleFS partition, as {@code info.fs.t} reports it in KB. */
    static final long FS_TOTAL_BYTES = 983L * 1024;

    private final WledSettings settings;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private boolean on;
    private int brightness;
    private long bootNanos;

    WledMemory(WledSettings settings) {
        this.settings = settings;
        reset();
    }

    /** Freshly flashed: light on at the boot brightness, a default cfg.json and no presets. */
    synchronized void reset() {
        files.clear();
        files.put("/cfg.json", defaultConfig().getBytes(StandardCharsets.UTF_8));
        files.put("/presets.json", "{\"0\":{}}".getBytes(StandardCharsets.UTF_8));
        boot();
    }

    /** A reboot loses the light state, not the files. */
    synchronized void boot() {
        on = true;
        brightness = BOOT_BRIGHTNESS;
        bootNanos = System.nanoTime();
    }

    /** {@code info.uptime}: seconds since the last boot. */
    synchronized long uptimeSeconds() {
        return (System.nanoTime() - bootNanos) / 1_000_000_000L;
    }

    synchronized WledMemory copy() {
        WledMemory copy = new WledMemory(settings);
        copy.files.clear();
        files.forEach((path, content) -> copy.files.put(path, content.clone()));
        copy.on = on;
        copy.brightness = brightness;
        copy.bootNanos = bootNanos;
        return copy;
    }

    WledSettings settings() {
        return settings;
    }

    synchronized boolean on() {
        return on;
    }

    synchronized void on(boolean value) {
        on = value;
    }

    synchronized int brightness() {
        return brightness;
    }

    synchronized void brightness(int value) {
        brightness = value;
    }

    /** Stores {@code content} at {@code path}; false when the file system has no room for it. */
    synchronized boolean write(String path, byte[] content) {
        byte[] replaced = files.get(path);
        long free = FS_TOTAL_BYTES - usedBytes() + (replaced == null ? 0 : replaced.length);
        if (content.length > free) {
            return false;
        }
        files.put(path, content.clone());
        return true;
    }

    synchronized boolean delete(String path) {
        return files.remove(path) != null;
    }

    /** Copies of every file, in the order written. */
    synchronized Map<String, byte[]> files() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((path, content) -> copy.put(path, content.clone()));
        return copy;
    }

    synchronized long usedBytes() {
        return files.values().stream().mapToLong(content -> content.length).sum();
    }

    private String defaultConfig() {
        return "{\"rev\":[1,0],\"id\":{\"name\":\"WLED\"},\"hw\":{\"led\":{\"total\":" + settings.ledCount() + "}}}";
    }
}
