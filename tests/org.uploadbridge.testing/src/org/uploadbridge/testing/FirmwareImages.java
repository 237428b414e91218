package org.uploadbridge.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Firmware images as ESP tooling builds them, small enough for tests. */
public final class FirmwareImages {

    private FirmwareImages() {
    }

    /**
     * An ESP32 image of 4 KiB: magic 0xE9 and an {@code esp_app_desc_t} with {@code version} and,
     * as its project name, {@code releaseName} (what WLED compares before flashing).
     */
    public static byte[] esp32(String version, String releaseName) {
        ByteBuffer image = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        image.put(0, (byte) 0xE9);
        image.putInt(32, 0xABCD5432);
        image.put(48, version.getBytes(StandardCharsets.US_ASCII));
        image.put(80, releaseName.getBytes(StandardCharsets.US_ASCII));
        return image.array();
    }
}
