package org.uploadbridge.firmware.classic.internal;

import com.google.gson.annotations.SerializedName;

/** The JSON the classic firmware speaks (device-protocols.md §2); unknown fields are ignored. */
final class ClassicJson {

    private ClassicJson() {
    }

    /** {@code GET /api/status}. */
    static final class Status {
        String status;
        @SerializedName("pattern_loaded")
        Boolean patternLoaded;
        @SerializedName("num_leds")
        Integer numLeds;
        @SerializedName("num_frames")
        Integer numFrames;
        @SerializedName("pattern_size")
        Long patternSize;
        @SerializedName("wifi_mode")
        String wifiMode;
        String ssid;
        String ip;
        String name;
        String version;
        @SerializedName("max_leds")
        Integer maxLeds;
        @SerializedName("free_heap")
        Long freeHeap;
        String mac;

        /** The fields only the classic firmware's status has: how a probe tells it from other servers. */
        boolean looksClassic() {
            return status != null && patternLoaded != null && numLeds != null && numFrames != null;
        }
    }

    /** The answer to uploads and other commands. */
    static final class Result {
        Boolean success;
        String message;
    }

    /** One element of {@code GET /api/library/list}, a JSON array. */
    static final class LibraryItem {
        String name;
        Long size;
        Integer leds;
        Integer frames;
        /** The pattern the device plays now. */
        Boolean active;
    }
}
