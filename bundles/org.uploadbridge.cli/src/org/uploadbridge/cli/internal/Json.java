package org.uploadbridge.cli.internal;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The JSON shapes the CLI prints with {@code --json}; records serialise field by field. */
final class Json {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Json() {
    }

    record ValidateOutput(boolean valid, List<FileCheck> files) {
    }

    /** Scan fields are null when only mDNS was browsed; mDNS fields are null when it was not. */
    record ScanOutput(String range, Long scanned, Long listening, Long mdnsSightings, DeviceOutput.ErrorJson mdnsError,
            long elapsedMs, List<DeviceOutput.DeviceJson> devices) {
    }

    record UploadOutput(String address, boolean success, String deviceMessage, String sha256, long bytes, long elapsedMs,
            DeviceOutput.DeviceJson verified, DeviceOutput.ErrorJson error) {
    }
}
