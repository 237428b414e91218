package org.uploadbridge.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What the device reads from an ESP firmware image: the magic byte 0xE9 at offset 0 and, in ESP32
 * images, the version string of the application descriptor ({@code esp_app_desc_t}, magic word
 * 0xABCD5432 at offset 32, 32-byte version at offset 48).
 */
final class FirmwareImage {

    static final int MAGIC = 0xE9;
    private static final int APP_DESC_OFFSET = 32;
    private static final int APP_DESC_MAGIC = 0xABCD5432;
    private static final int VERSION_OFFSET = APP_DESC_OFFSET + 16;
    private static final int VERSION_BYTES = 32;

    private FirmwareImage() {
    }

    static boolean hasMagic(byte[] image) {
        return image.length > 0 && (image[0] & 0xFF) == MAGIC;
    }

    /**
     * The descriptor's version; images without one (ESP8266, stripped) get
     * {@code build-<first 8 hex digits of the image's SHA-256>}, so every new image shows as new.
     */
    static String version(byte[] image, String sha256) {
        if (image.length >= VERSION_OFFSET + VERSION_BYTES
                && ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).getInt(APP_DESC_OFFSET) == APP_DESC_MAGIC) {
            int end = VERSION_OFFSET;
            while (end < VERSION_OFFSET + VERSION_BYTES && image[end] != 0) {
                end++;
            }
            String version = new String(image, VERSION_OFFSET, end - VERSION_OFFSET, StandardCharsets.US_ASCII).strip();
            if (!version.isEmpty()) {
                return version;
            }
        }
        return "build-" + sha256.substring(0, 8);
    }
}
