package org.uploadbridge.simulator;

/**
 * What a simulated device holds at one moment. The first seven fields are those of
 * {@code GET /api/status}.
 *
 * @param patternLoaded whether a pattern is in RAM
 * @param numLeds LEDs of the loaded pattern, 0 without one
 * @param numFrames frames of the loaded pattern, 0 without one
 * @param patternSize bytes of the loaded pattern file, 0 without one
 * @param wifiMode as reported, {@code AP} or {@code STA}
 * @param ssid as reported
 * @param ip the device's own address
 * @param firmwareVersion the running firmware (changes with an OTA update)
 * @param brightness 0..255
 * @param online whether it accepts connections and answers now
 */
public record DeviceStatus(boolean patternLoaded, int numLeds, int numFrames, long patternSize, String wifiMode,
        String ssid, String ip, String firmwareVersion, int brightness, boolean online) {
}
