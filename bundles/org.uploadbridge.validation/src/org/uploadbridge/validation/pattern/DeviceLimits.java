package org.uploadbridge.validation.pattern;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a target device can hold and drive. Every limit is optional: an empty one is not checked
 * (the power check then falls back to {@link PatternValidator#DEFAULT_CURRENT_WARNING_MA}).
 *
 * @param maxLeds the most LEDs the firmware drives
 * @param freeRamBytes heap free for the pattern: the classic firmware holds the whole native
 *     pattern in RAM
 * @param powerBudgetMa what the LED power supply delivers, in milliamps
 */
public record DeviceLimits(OptionalInt maxLeds, OptionalLong freeRamBytes, OptionalInt powerBudgetMa) {

    /**
     * The LED limit we assume for the classic firmware: its sketch fixes MAX_LEDS at compile time,
     * and 1,000 is the value the stock builds use; a device built with another value reports its
     * own limit through its driver.
     */
    public static final int CLASSIC_FIRMWARE_MAX_LEDS = 1_000;
    /** Typical free heap of an ESP8266 running the classic firmware (40-50 KB observed). */
    public static final long ESP8266_FREE_HEAP_BYTES = 45_000;
    /** Typical free heap of an ESP32 running the classic firmware (200-300 KB observed). */
    public static final long ESP32_FREE_HEAP_BYTES = 250_000;

    private static final DeviceLimits NONE = new DeviceLimits(OptionalInt.empty(), OptionalLong.empty(), OptionalInt.empty());

    public DeviceLimits {
        Objects.requireNonNull(maxLeds, "maxLeds");
        Objects.requireNonNull(freeRamBytes, "freeRamBytes");
        Objects.requireNonNull(powerBudgetMa, "powerBudgetMa");
        if (maxLeds.isPresent() && maxLeds.getAsInt() < 1) {
            throw new IllegalArgumentException("maxLeds must be >= 1, was " + maxLeds.getAsInt());
        }
        if (freeRamBytes.isPresent() && freeRamBytes.getAsLong() < 0) {
            throw new IllegalArgumentException("freeRamBytes must be >= 0, was " + freeRamBytes.getAsLong());
        }
        if (powerBudgetMa.isPresent() && powerBudgetMa.getAsInt() < 1) {
            throw new IllegalArgumentException("powerBudgetMa must be >= 1, was " + powerBudgetMa.getAsInt());
        }
    }

    /** No device limits: only the native format's own limits and the generic warnings apply. */
    public static DeviceLimits none() {
        return NONE;
    }

    /** An ESP8266 with the classic firmware: 1,000 LEDs, 45,000 bytes free heap. */
    public static DeviceLimits esp8266() {
        return new DeviceLimits(OptionalInt.of(CLASSIC_FIRMWARE_MAX_LEDS), OptionalLong.of(ESP8266_FREE_HEAP_BYTES), OptionalInt.empty());
    }

    /** An ESP32 with the classic firmware: 1,000 LEDs, 250,000 bytes free heap. */
    public static DeviceLimits esp32() {
        return new DeviceLimits(OptionalInt.of(CLASSIC_FIRMWARE_MAX_LEDS), OptionalLong.of(ESP32_FREE_HEAP_BYTES), OptionalInt.empty());
    }

    /** These limits, with each one that is empty taken from {@code fallback}. */
    public DeviceLimits orElse(DeviceLimits fallback) {
        return new DeviceLimits(maxLeds.isPresent() ? maxLeds : fallback.maxLeds,
                freeRamBytes.isPresent() ? freeRamBytes : fallback.freeRamBytes,
                powerBudgetMa.isPresent() ? powerBudgetMa : fallback.powerBudgetMa);
    }

    public DeviceLimits withMaxLeds(int leds) {
        return new DeviceLimits(OptionalInt.of(leds), freeRamBytes, powerBudgetMa);
    }

    /** E.g. with the free heap a device reports (WLED's {@code info.freeheap}). */
    public DeviceLimits withFreeRamBytes(long bytes) {
        return new DeviceLimits(maxLeds, OptionalLong.of(bytes), powerBudgetMa);
    }

    /** E.g. with the supply rating the user entered (WLED's {@code info.leds.maxpwr}). */
    public DeviceLimits withPowerBudgetMa(int milliamps) {
        return new DeviceLimits(maxLeds, freeRamBytes, OptionalInt.of(milliamps));
    }
}
