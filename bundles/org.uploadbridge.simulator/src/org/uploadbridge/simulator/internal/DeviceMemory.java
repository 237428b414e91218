package org.uploadbridge.simulator.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceProfile;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Everything one device holds: the pattern in RAM, and what an extended build keeps in flash
 * (pattern library, brightness, schedule, firmware). One lock guards it all; every method is a
 * short critical section.
 */
final class DeviceMemory {

    /** A pattern in RAM, playing. */
    record Loaded(String name, long size, int leds, int frames) {
    }

    /** A pattern in the flash library. */
    record Stored(String name, long size, int leds, int frames, String sha256) {
    }

    /** The running firmware and its update history. */
    record Firmware(String version, String previousVersion, int updates, String lastImageSha256) {
    }

    static final int HISTORY_LIMIT = 1000;
    static final int DEFAULT_BRIGHTNESS = 255;
    /** The ESP32's default file system partition (0x160000 bytes) holds the library. */
    static final long LIBRARY_CAPACITY_BYTES = 0x160000;

    private final DeviceProfile profile;
    private final Deque<AcceptedPattern> accepted = new ArrayDeque<>();
    private final Map<String, Stored> library = new LinkedHashMap<>();
    private Loaded loaded;
    private String activeLibraryName;
    private int brightness;
    private JsonObject schedule;
    private Firmware firmware;
    /** Null unless the device runs WLED. */
    private final WledMemory wled;

    DeviceMemory(DeviceProfile profile) {
        this.profile = profile;
        this.wled = profile.wled() == null ? null : new WledMemory(profile.wled());
        reset();
    }

    /** For a scratch copy: {@code wled} is already a copy and must not be reset. */
    private DeviceMemory(DeviceProfile profile, WledMemory wled) {
        this.profile = profile;
        this.wled = wled;
        resetClassic();
    }

    /** Back to a freshly flashed device. */
    synchronized void reset() {
        resetClassic();
        if (wled != null) {
            wled.reset();
        }
    }

    private synchronized void resetClassic() {
        accepted.clear();
        library.clear();
        loaded = null;
        activeLibraryName = null;
        brightness = DEFAULT_BRIGHTNESS;
        schedule = new JsonObject();
        schedule.addProperty("enabled", false);
        schedule.add("entries", new JsonArray());
        firmware = new Firmware(profile.firmwareVersion(), "", 0, "");
    }

    /** An independent copy, for a request whose changes must not reach the device. */
    synchronized DeviceMemory scratchCopy() {
        DeviceMemory copy = new DeviceMemory(profile, wled == null ? null : wled.copy());
        copy.accepted.addAll(accepted);
        copy.library.putAll(library);
        copy.loaded = loaded;
        copy.activeLibraryName = activeLibraryName;
        copy.brightness = brightness;
        copy.schedule = schedule.deepCopy();
        copy.firmware = firmware;
        return copy;
    }

    /** A reboot loses RAM: the playing pattern is gone, flash stays. */
    synchronized void clearRam() {
        loaded = null;
        activeLibraryName = null;
        if (wled != null) {
            wled.boot();
        }
    }

    /** The WLED state and files; null on the classic firmware. */
    WledMemory wled() {
        return wled;
    }

    synchronized void play(AcceptedPattern pattern) {
        loaded = new Loaded(pattern.fileName(), pattern.size(), pattern.leds(), pattern.frames());
        activeLibraryName = null;
        accepted.addLast(pattern);
        while (accepted.size() > HISTORY_LIMIT) {
            accepted.removeFirst();
        }
    }

    synchronized void play(Stored stored) {
        loaded = new Loaded(stored.name(), stored.size(), stored.leds(), stored.frames());
        activeLibraryName = stored.name();
    }

    synchronized Optional<Loaded> loaded() {
        return Optional.ofNullable(loaded);
    }

    synchronized List<AcceptedPattern> accepted() {
        return List.copyOf(accepted);
    }

    synchronized List<Stored> library() {
        return List.copyOf(library.values());
    }

    synchronized Optional<Stored> stored(String name) {
        return Optional.ofNullable(library.get(name));
    }

    synchronized Optional<String> activeLibraryName() {
        return Optional.ofNullable(activeLibraryName);
    }

    /** Stores or replaces {@code pattern}; false when the file system has no room for it. */
    synchronized boolean store(Stored pattern) {
        long used = library.values().stream().mapToLong(Stored::size).sum();
        Stored replaced = library.get(pattern.name());
        long free = LIBRARY_CAPACITY_BYTES - used + (replaced == null ? 0 : replaced.size());
        if (pattern.size() > free) {
            return false;
        }
        library.put(pattern.name(), pattern);
        return true;
    }

    /** Removes {@code name}; a pattern already in RAM keeps playing. */
    synchronized boolean delete(String name) {
        if (library.remove(name) == null) {
            return false;
        }
        if (name.equals(activeLibraryName)) {
            activeLibraryName = null;
        }
        return true;
    }

    synchronized long libraryFreeBytes() {
        return LIBRARY_CAPACITY_BYTES - library.values().stream().mapToLong(Stored::size).sum();
    }

    synchronized int brightness() {
        return brightness;
    }

    synchronized void brightness(int value) {
        brightness = value;
    }

    synchronized JsonObject schedule() {
        return schedule.deepCopy();
    }

    synchronized void schedule(JsonObject value) {
        schedule = value.deepCopy();
    }

    synchronized Firmware firmware() {
        return firmware;
    }

    synchronized void flashed(String version, String imageSha256) {
        firmware = new Firmware(version, firmware.version(), firmware.updates() + 1, imageSha256);
    }
}
