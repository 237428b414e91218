package org.uploadbridge.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What kind of device a simulated device is: its limits, the optional endpoints it has and how
 * fast it reads an upload.
 *
 * @param name the chip, e.g. {@code esp8266}; {@link #byName(String)} finds the built-in ones
 * @param maxLeds the firmware's MAX_LEDS: uploads with more LEDs are refused
 * @param freeHeapBytes free RAM: a pattern larger than this cannot be allocated (HTTP 500)
 * @param extensions the optional extended endpoints this firmware build has
 * @param bandwidthBytesPerSecond how fast the device reads an upload body; 0 = as fast as loopback
 * @param ssid reported in {@code /api/status}
 * @param wifiMode reported in {@code /api/status}
 * @param firmwareVersion the version before any OTA update
 * @param rebootTime how long the device is unreachable after an OTA update or a restart
 * @param wled null for the classic firmware; else the device runs WLED (see {@link #wled(WledRelease)})
 */
public record DeviceProfile(String name, int maxLeds, long freeHeapBytes, Set<Extension> extensions,
        long bandwidthBytesPerSecond, String ssid, WifiMode wifiMode, String firmwareVersion, Duration rebootTime,
        WledSettings wled) {

    /** How the device joined the network. */
    public enum WifiMode {
        /** Its own access point (the classic firmware's default, 192.168.4.1). */
        AP,
        /** A client of the user's network. */
        STA
    }

    /** The firmware's MAX_LEDS in both shipped sketches. */
    public static final int CLASSIC_MAX_LEDS = 1000;
    /** A real ESP8266 reads an HTTP upload at about this rate. */
    public static final long ESP8266_BYTES_PER_SECOND = 500_000;
    /** A real ESP32 reads an HTTP upload at about this rate. */
    public static final long ESP32_BYTES_PER_SECOND = 1_000_000;
    public static final String DEFAULT_SSID = "UploadBridge";
    public static final String DEFAULT_FIRMWARE_VERSION = "1.0.0";
    public static final Duration DEFAULT_REBOOT_TIME = Duration.ofMillis(500);
    private static final Duration MAX_REBOOT_TIME = Duration.ofMinutes(1);

    public DeviceProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if (maxLeds < 1 || maxLeds > 0xFFFF) {
            throw new IllegalArgumentException("maxLeds must be 1..65535: " + maxLeds);
        }
        if (freeHeapBytes < 0) {
            throw new IllegalArgumentException("freeHeapBytes must not be negative: " + freeHeapBytes);
        }
        if (bandwidthBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must be 0 (unlimited) or positive: " + bandwidthBytesPerSecond);
        }
        // An EnumSet copy keeps the declaration order in toString() and cannot be changed behind our back.
        extensions = Collections.unmodifiableSet(extensions.isEmpty() ? EnumSet.noneOf(Extension.class) : EnumSet.copyOf(extensions));
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(wifiMode, "wifiMode");
        if (firmwareVersion == null || firmwareVersion.isBlank()) {
            throw new IllegalArgumentException("a profile needs a firmware version");
        }
        if (rebootTime.isNegative() || rebootTime.compareTo(MAX_REBOOT_TIME) > 0) {
            throw new IllegalArgumentException("rebootTime must be 0.." + MAX_REBOOT_TIME + ": " + rebootTime);
        }
    }

    /** A classic-firmware profile (the constructor before WLED existed). */
    public DeviceProfile(String name, int maxLeds, long freeHeapBytes, Set<Extension> extensions,
            long bandwidthBytesPerSecond, String ssid, WifiMode wifiMode, String firmwareVersion, Duration rebootTime) {
        this(name, maxLeds, freeHeapBytes, extensions, bandwidthBytesPerSecond, ssid, wifiMode, firmwareVersion,
                rebootTime, null);
    }

    /**
     * An ESP32 running WLED {@code release} with {@link WledSettings#of(WledRelease)}: no classic
     * endpoints or extensions; reboots take 500 ms like the classic ones.
     */
    public static DeviceProfile wled(WledRelease release) {
        return wled(WledSettings.of(release));
    }

    public static DeviceProfile wled(WledSettings settings) {
        return new DeviceProfile("esp32", WledSettings.MAX_LED_COUNT, 250_000, Set.of(), 0, DEFAULT_SSID, WifiMode.STA,
                settings.release().version(), DEFAULT_REBOOT_TIME, settings);
    }

    /** {@link Firmware#WLED} when {@link #wled()} is set, else {@link Firmware#CLASSIC}. */
    public Firmware firmware() {
        return wled == null ? Firmware.CLASSIC : Firmware.WLED;
    }

    /** This profile running WLED as {@code settings} say (null: the classic firmware again). */
    public DeviceProfile withWled(WledSettings settings) {
        return new DeviceProfile(name, maxLeds, freeHeapBytes, extensions, bandwidthBytesPerSecond, ssid, wifiMode,
                settings == null ? firmwareVersion : settings.release().version(), rebootTime, settings);
    }

    /** An ESP8266 with the plain classic firmware: 45,000 bytes free heap, no extensions, unthrottled. */
    public static DeviceProfile esp8266() {
        return new DeviceProfile("esp8266", CLASSIC_MAX_LEDS, 45_000, Set.of(), 0, DEFAULT_SSID, WifiMode.AP,
                DEFAULT_FIRMWARE_VERSION, DEFAULT_REBOOT_TIME);
    }

    /** An ESP32 with an extended build: 250,000 bytes free heap, every extension, unthrottled. */
    public static DeviceProfile esp32() {
        return new DeviceProfile("esp32", CLASSIC_MAX_LEDS, 250_000, EnumSet.allOf(Extension.class), 0, DEFAULT_SSID,
                WifiMode.AP, DEFAULT_FIRMWARE_VERSION, DEFAULT_REBOOT_TIME);
    }

    /** {@code esp8266} or {@code esp32}, in any case. */
    public static DeviceProfile byName(String name) {
        return switch (Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT)) {
            case "esp8266" -> esp8266();
            case "esp32" -> esp32();
            case "wled" -> wled(WledRelease.V0_15_0);
            default -> throw new IllegalArgumentException("unknown device profile '" + name + "': use esp8266, esp32 or wled");
        };
    }

    public boolean supports(Extension extension) {
        return extensions.contains(extension);
    }

    /** This profile reading uploads at most {@code bytesPerSecond} (0 = unlimited). */
    public DeviceProfile withBandwidth(long bytesPerSecond) {
        return new DeviceProfile(name, maxLeds, freeHeapBytes, extensions, bytesPerSecond, ssid, wifiMode,
                firmwareVersion, rebootTime, wled);
    }

    /** This profile with exactly {@code supported} as its extensions (none when empty). */
    public DeviceProfile withExtensions(Extension... supported) {
        return withExtensions(Set.copyOf(Arrays.asList(supported)));
    }

    public DeviceProfile withExtensions(Set<Extension> supported) {
        return new DeviceProfile(name, maxLeds, freeHeapBytes, supported, bandwidthBytesPerSecond, ssid, wifiMode,
                firmwareVersion, rebootTime, wled);
    }

    public DeviceProfile withMaxLeds(int leds) {
        return new DeviceProfile(name, leds, freeHeapBytes, extensions, bandwidthBytesPerSecond, ssid, wifiMode,
                firmwareVersion, rebootTime, wled);
    }

    public DeviceProfile withFreeHeap(long bytes) {
        return new DeviceProfile(name, maxLeds, bytes, extensions, bandwidthBytesPerSecond, ssid, wifiMode,
                firmwareVersion, rebootTime, wled);
    }

    public DeviceProfile withNetwork(String networkSsid, WifiMode mode) {
        return new DeviceProfile(name, maxLeds, freeHeapBytes, extensions, bandwidthBytesPerSecond, networkSsid, mode,
                firmwareVersion, rebootTime, wled);
    }

    public DeviceProfile withFirmwareVersion(String version) {
        return new DeviceProfile(name, maxLeds, freeHeapBytes, extensions, bandwidthBytesPerSecond, ssid, wifiMode,
                version, rebootTime, wled);
    }

    public DeviceProfile withRebootTime(Duration time) {
        return new DeviceProfile(name, maxLeds, freeHeapBytes, extensions, bandwidthBytesPerSecond, ssid, wifiMode,
                firmwareVersion, time, wled);
    }
}
