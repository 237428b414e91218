package org.uploadbridge.ui.internal.devices;

import java.util.ArrayList;
import java.util.List;

import org.uploadbridge.validation.pattern.DeviceLimits;

/** Assumed device limits in a table cell: "1000 LEDs, 45000 B RAM, 2000 mA". */
final class LimitsText {

    private LimitsText() {
    }

    static String of(DeviceLimits limits) {
        List<String> parts = new ArrayList<>();
        limits.maxLeds().ifPresent(leds -> parts.add(leds + " LEDs"));
        limits.freeRamBytes().ifPresent(bytes -> parts.add(bytes + " B RAM"));
        limits.powerBudgetMa().ifPresent(ma -> parts.add(ma + " mA"));
        return String.join(", ", parts);
    }
}
