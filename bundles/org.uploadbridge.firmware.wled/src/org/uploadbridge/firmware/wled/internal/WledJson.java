package org.uploadbridge.firmware.wled.internal;

import java.util.List;

/**
 * The parts of WLED's JSON API this driver reads (device-protocols.md §3), as records that
 * {@code DeviceHttp.parseJson} fills; fields a release lacks stay null.
 */
final class WledJson {

    private WledJson() {
    }

    /** {@code GET /json/info}. */
    record Info(String ver, Integer vid, String release, String name, String brand, String arch, String mac,
            String ip, Long freeheap, Long uptime, Leds leds, Wifi wifi, Fs fs, Boolean live, String lm) {

        /** WLED since 0.10 says {@code "brand":"WLED"}; older builds still have the build id {@code vid}. */
        boolean looksWled() {
            return ver != null && leds != null && leds.count != null && ("WLED".equals(brand) || vid != null);
        }

        boolean isLive() {
            return Boolean.TRUE.equals(live);
        }
    }

    record Leds(Integer count, Boolean rgbw, Integer fps, Integer maxpwr) {
    }

    record Wifi(Integer rssi, Integer signal, Integer channel) {
    }

    /** File system use and size, in KiB. */
    record Fs(Long u, Long t) {
    }

    /** {@code GET /json/state}: only what identify restores. */
    record State(Boolean on, Integer bri) {
    }

    /** One entry of {@code GET /edit?func=list}. */
    record FileEntry(String name, String type, Long size) {
    }

    /** {@code POST /json/state}'s answer. */
    record Success(Boolean success, Integer error) {
    }

    /** The files of a listing (not directories), null entries skipped. */
    static List<FileEntry> files(FileEntry[] entries) {
        return entries == null ? List.of() : java.util.Arrays.stream(entries)
                .filter(e -> e != null && e.name() != null && !"dir".equals(e.type())).toList();
    }
}
