package org.uploadbridge.simulator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What makes a profile a WLED device, beyond the chip.
 *
 * @param release the WLED release it runs before any OTA update
 * @param releaseName the build's release name ({@code info.release}), e.g. {@code ESP32}; OTA
 *     images of another release name are refused on releases that have one
 * @param ledCount LEDs configured ({@code info.leds.count}); DDP data beyond them is ignored
 * @param pin a 4-digit settings PIN, or null: with one, files and OTA answer 401
 * @param ddpPort the UDP port of the DDP receiver (4048 on real devices; 0 = a free port per device)
 * @param maxFrames how many received DDP frames each device keeps (the oldest are dropped)
 */
public record WledSettings(WledRelease release, String releaseName, int ledCount, String pin, int ddpPort, int maxFrames) {

    public static final int DDP_PORT = 4048;
    public static final int DEFAULT_LED_COUNT = 30;
    public static final int MAX_LED_COUNT = 10_000;
    public static final int DEFAULT_MAX_FRAMES = 1_000;
    public static final String DEFAULT_RELEASE_NAME = "ESP32";
    private static final Pattern PIN = Pattern.compile("\\d{4}");
    private static final Pattern RELEASE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,31}");

    public WledSettings {
        Objects.requireNonNull(release, "release");
        if (releaseName == null || !RELEASE_NAME.matcher(releaseName).matches()) {
            throw new IllegalArgumentException("a release name is 1..31 letters, digits, '_', '.' or '-': " + releaseName);
        }
        if (ledCount < 1 || ledCount > MAX_LED_COUNT) {
            throw new IllegalArgumentException("ledCount must be 1.." + MAX_LED_COUNT + ": " + ledCount);
        }
        if (pin != null && !PIN.matcher(pin).matches()) {
            throw new IllegalArgumentException("a WLED PIN is 4 digits");
        }
        if (ddpPort < 0 || ddpPort > 0xFFFF) {
            throw new IllegalArgumentException("ddpPort must be 0..65535: " + ddpPort);
        }
        if (maxFrames < 1 || maxFrames > 1_000_000) {
            throw new IllegalArgumentException("maxFrames must be 1..1,000,000: " + maxFrames);
        }
    }

    /** {@code release} on an ESP32 build with 30 LEDs, no PIN, DDP on 4048, the last 1,000 frames kept. */
    public static WledSettings of(WledRelease release) {
        return new WledSettings(release, DEFAULT_RELEASE_NAME, DEFAULT_LED_COUNT, null, DDP_PORT, DEFAULT_MAX_FRAMES);
    }

    public WledSettings withReleaseName(String name) {
        return new WledSettings(release, name, ledCount, pin, ddpPort, maxFrames);
    }

    public WledSettings withLedCount(int count) {
        return new WledSettings(release, releaseName, count, pin, ddpPort, maxFrames);
    }

    /** Locked with {@code settingsPin}; null unlocks. */
    public WledSettings withPin(String settingsPin) {
        return new WledSettings(release, releaseName, ledCount, settingsPin, ddpPort, maxFrames);
    }

    public WledSettings withDdpPort(int port) {
        return new WledSettings(release, releaseName, ledCount, pin, port, maxFrames);
    }

    public WledSettings withMaxFrames(int frames) {
        return new WledSettings(release, releaseName, ledCount, pin, ddpPort, frames);
    }
}
