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
    /** {@code project_name}, right after the version; WLED images carry their release name there (see docs). */
    private static final int PROJECT_NAME_OFFSET = VERSION_OFFSET + VERSION_BYTES;

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
        String version = descriptorString(image, VERSION_OFFSET);
        return version.isEmpty() ? "build-" + sha256.substring(0, 8) : version;
    }

    /** The descriptor's {@code project_name}; empty without a descriptor. */
    static String projectName(byte[] image) {
        return descriptorString(image, PROJECT_NAME_OFFSET);
    }

    /** The NUL-terminated 32-byte string at {@code offset} of the app descriptor; empty without one. */
    private static String descriptorString(byte[] image, int offset) {
        if (image.length < offset + VERSION_BYTES
                || ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).getInt(APP_DESC_OFFSET) != APP_DESC_MAGIC) {
            return "";
        }
        int end = offset;
        while (end < offset + VERSION_BYTES && image[end] != 0) {
            end++;
        }
        return new String(image, offset, end - offset, StandardCharsets.US_ASCII).strip();
    }
}
