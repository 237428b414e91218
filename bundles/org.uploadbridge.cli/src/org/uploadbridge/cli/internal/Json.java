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

    record ScanOutput(String range, long scanned, long listening, long elapsedMs, List<DeviceOutput.DeviceJson> devices) {
    }

    record UploadOutput(String address, boolean success, String deviceMessage, String sha256, long bytes, long elapsedMs,
            DeviceOutput.DeviceJson verified, DeviceOutput.ErrorJson error) {
    }
}
