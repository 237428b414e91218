package org.uploadbridge.simulator.internal;

import java.util.List;
import java.util.Locale;

/**
 * The classic firmware's checks of an uploaded pattern, in its order: file name, then size, LED
 * count, frame count and exact size. It reads the header itself rather than through the core
 * codec: the simulator must behave like the device, even where the device and our codec differ.
 */
final class PatternCheck {

    /** The header of a pattern the device accepted. */
    record Header(int leds, int frames) {
    }

    private static final List<String> EXTENSIONS = List.of(".bin", ".hex", ".dat");
    private static final int HEADER_BYTES = 4;

    private PatternCheck() {
    }

    /** The device looks at the name before it reads a byte. */
    static void checkFileName(String fileName) throws DeviceRefusal {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw DeviceRefusal.badRequest(ClassicMessages.INVALID_FILE_FORMAT);
        }
    }

    /** The header of {@code data} when it is a pattern this device can play; refused otherwise. */
    static Header check(byte[] data, int maxLeds) throws DeviceRefusal {
        if (data.length < HEADER_BYTES) {
            throw DeviceRefusal.badRequest(ClassicMessages.FILE_TOO_SMALL);
        }
        int leds = (data[0] & 0xFF) | (data[1] & 0xFF) << 8;
        int frames = (data[2] & 0xFF) | (data[3] & 0xFF) << 8;
        if (leds == 0 || leds > maxLeds) {
            throw DeviceRefusal.badRequest(ClassicMessages.invalidLedCount(leds));
        }
        if (frames == 0) {
            throw DeviceRefusal.badRequest(ClassicMessages.invalidFrameCount(frames));
        }
        long expected = expectedSize(leds, frames);
        if (expected != data.length) {
            throw DeviceRefusal.badRequest(ClassicMessages.sizeMismatch(expected, data.length));
        }
        return new Header(leds, frames);
    }

    /** 4 + frames x (2 + LEDs x 3). */
    static long expectedSize(int leds, int frames) {
        return HEADER_BYTES + (long) frames * (2 + (long) leds * 3);
    }
}
