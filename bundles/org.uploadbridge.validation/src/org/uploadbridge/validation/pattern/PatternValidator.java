package org.uploadbridge.validation.pattern;

import java.nio.file.Path;

import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.validation.ValidationReport;

/**
 * Checks a pattern against the native format and a device's limits (a DS service). Findings use
 * {@link org.uploadbridge.validation.ValidationError} codes. Locations number frames and LEDs from 0;
 * messages number frames from 1, as the workbench shows them.
 *
 * <p>What is checked:
 * <ul>
 * <li>LED count 1..65,535 and within the device's maximum (ERROR);</li>
 * <li>frame count 1..65,535 (ERROR);</li>
 * <li>frame delays: 0 ms (WARNING: the device redraws in a busy loop) and delays shorter than the
 * device can refresh the LEDs (WARNING; at least {@value #MIN_FRAME_DELAY_MS} ms, or
 * {@value #WS2812_MICROS_PER_LED} µs per LED plus a {@value #WS2812_RESET_MICROS} µs latch);</li>
 * <li>the native size against the device's free RAM (ERROR when it does not fit; WARNING above
 * {@value #RAM_HEADROOM_WARNING_PERCENT}% of it);</li>
 * <li>the peak current, {@value #MILLIAMPS_PER_CHANNEL} mA per fully lit colour channel
 * (WS2812): WARNING above the device's power budget, or above
 * {@value #DEFAULT_CURRENT_WARNING_MA} mA (what a USB port or small adapter delivers) when no
 * budget is set; and always an INFO with the estimate.</li>
 * </ul>
 * Findings that concern single frames are listed for the first
 * {@value #DEFAULT_MAX_FINDINGS_PER_CODE} frames per code, followed by one summary finding.
 */
public interface PatternValidator {

    int DEFAULT_MAX_FINDINGS_PER_CODE = 20;
    /** Below this the classic firmware's loop (Wi-Fi, web server, LED output) cannot keep pace. */
    int MIN_FRAME_DELAY_MS = 10;
    /** 24 bits at 800 kHz. */
    int WS2812_MICROS_PER_LED = 30;
    int WS2812_RESET_MICROS = 50;
    int MILLIAMPS_PER_CHANNEL = 20;
    /** Warn above 2 A when the device has no power budget: more than USB or a small adapter gives. */
    int DEFAULT_CURRENT_WARNING_MA = 2_000;
    int RAM_HEADROOM_WARNING_PERCENT = 80;

    /** Validates with {@link #DEFAULT_MAX_FINDINGS_PER_CODE}. */
    default ValidationReport validate(Pattern pattern, DeviceLimits limits) {
        return validate(pattern, limits, DEFAULT_MAX_FINDINGS_PER_CODE);
    }

    /**
     * @param maxFindingsPerCode how many per-frame findings of one code to list before summarising
     *     the rest in one {@code UB-V011} finding; at least 1
     */
    ValidationReport validate(Pattern pattern, DeviceLimits limits, int maxFindingsPerCode);

    /**
     * Loads {@code file} with the core's pattern loader and validates it. A file that cannot be
     * loaded gives one ERROR finding with the loader's own code and message.
     */
    default ValidationReport validateFile(Path file, ReadOptions options, DeviceLimits limits) {
        return loadAndValidate(file, options, limits).report();
    }

    /** Like {@link #validateFile}, and keeps the loaded pattern for the upload that follows. */
    FileValidation loadAndValidate(Path file, ReadOptions options, DeviceLimits limits);

    /** The WS2812 refresh time of {@code ledCount} LEDs in microseconds (data plus latch). */
    static long refreshMicros(int ledCount) {
        return (long) ledCount * WS2812_MICROS_PER_LED + WS2812_RESET_MICROS;
    }

    /** The shortest frame delay a device can show {@code ledCount} LEDs at, in ms. */
    static int minimumFrameDelayMs(int ledCount) {
        long refreshMs = (refreshMicros(ledCount) + 999) / 1000;
        return (int) Math.max(MIN_FRAME_DELAY_MS, refreshMs);
    }
}
