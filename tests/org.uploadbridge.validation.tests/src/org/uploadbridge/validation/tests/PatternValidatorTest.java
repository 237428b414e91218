package org.uploadbridge.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.Location;
import org.uploadbridge.validation.Severity;
import org.uploadbridge.validation.ValidationError;
import org.uploadbridge.validation.ValidationReport;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.PatternValidator;

/** Pattern validation on synthetic patterns, through the DS service. */
class PatternValidatorTest {

    private static PatternValidator validator;

    @BeforeAll
    static void findValidator() {
        validator = OsgiServices.service(PatternValidator.class);
    }

    private static Finding only(ValidationReport report, ValidationError code) {
        List<Finding> found = report.withCode(code);
        assertEquals(1, found.size(), () -> "findings of " + code.id() + ": " + report.findings());
        return found.get(0);
    }

    private static void assertMentions(Finding finding, String... texts) {
        for (String text : texts) {
            assertTrue(finding.message().contains(text), () -> "'" + text + "' missing in: " + finding.message());
        }
    }

    @Test
    void validPatternHasNoErrorsOrWarnings() {
        Pattern pattern = TestPatterns.uniform(64, 20, 50, 10, 20, 30);
        ValidationReport report = validator.validate(pattern, DeviceLimits.esp8266());
        assertTrue(report.isValid(), report::toString);
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(), report.warnings());
        assertEquals(List.of(ValidationError.CURRENT_ESTIMATE), report.findings().stream().map(Finding::code).toList());
    }

    @Test
    void moreLedsThanTheDeviceDrivesIsAnError() {
        Pattern pattern = TestPatterns.uniform(1001, 1, 100, 0, 0, 1);
        ValidationReport report = validator.validate(pattern, DeviceLimits.esp32());
        Finding finding = only(report, ValidationError.TOO_MANY_LEDS_FOR_DEVICE);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(Location.none(), finding.location());
        assertMentions(finding, "1,001", "1,000");
        assertFalse(report.isValid());

        assertFalse(validator.validate(TestPatterns.uniform(1000, 1, 100, 0, 0, 1), DeviceLimits.esp32())
                .contains(ValidationError.TOO_MANY_LEDS_FOR_DEVICE));
        assertFalse(validator.validate(pattern, DeviceLimits.none()).contains(ValidationError.TOO_MANY_LEDS_FOR_DEVICE));
        assertTrue(validator.validate(pattern, DeviceLimits.none().withMaxLeds(300)).contains(ValidationError.TOO_MANY_LEDS_FOR_DEVICE));
    }

    @Test
    void largestNativePatternIsWithinTheFormat() {
        ValidationReport report = validator.validate(TestPatterns.uniform(Pattern.MAX_LEDS, 1, 100, 0, 0, 0), DeviceLimits.none());
        assertFalse(report.contains(ValidationError.LED_COUNT_OUT_OF_RANGE));
        assertFalse(report.contains(ValidationError.FRAME_COUNT_OUT_OF_RANGE));
        assertTrue(report.isValid(), report::toString);
    }

    @Test
    void patternLargerThanFreeRamIsAnErrorWithTheNumbers() {
        // 4 + 200 x (2 + 100 x 3) = 60,404 bytes; (45,000 - 4) / 302 = 148 frames fit.
        Pattern pattern = TestPatterns.uniform(100, 200, 50, 1, 1, 1);
        assertEquals(60_404, pattern.nativeSize());
        ValidationReport report = validator.validate(pattern, DeviceLimits.esp8266());
        Finding finding = only(report, ValidationError.PATTERN_TOO_LARGE_FOR_RAM);
        assertEquals(Severity.ERROR, finding.severity());
        assertMentions(finding, "60,404", "45,000", "148 frames", "100 LEDs");
        assertFalse(report.isValid());

        ValidationReport onEsp32 = validator.validate(pattern, DeviceLimits.esp32());
        assertFalse(onEsp32.contains(ValidationError.PATTERN_TOO_LARGE_FOR_RAM));
        assertFalse(onEsp32.contains(ValidationError.LOW_MEMORY_HEADROOM));
        assertTrue(onEsp32.isValid(), onEsp32::toString);
    }

    @Test
    void patternThatExactlyFitsIsNotAnErrorButLeavesNoHeadroom() {
        Pattern pattern = TestPatterns.uniform(100, 148, 50, 1, 1, 1);
        long size = pattern.nativeSize();
        ValidationReport exact = validator.validate(pattern, DeviceLimits.none().withFreeRamBytes(size));
        assertFalse(exact.contains(ValidationError.PATTERN_TOO_LARGE_FOR_RAM));
        assertEquals(Severity.WARNING, only(exact, ValidationError.LOW_MEMORY_HEADROOM).severity());
        assertTrue(validator.validate(pattern, DeviceLimits.none().withFreeRamBytes(size - 1)).contains(ValidationError.PATTERN_TOO_LARGE_FOR_RAM));
        assertFalse(validator.validate(pattern, DeviceLimits.none().withFreeRamBytes(size * 2)).contains(ValidationError.LOW_MEMORY_HEADROOM));
    }

    @Test
    void notEvenOneFrameFits() {
        Pattern pattern = TestPatterns.uniform(1000, 1, 50, 0, 0, 0);
        Finding finding = only(validator.validate(pattern, DeviceLimits.none().withFreeRamBytes(2_000)), ValidationError.PATTERN_TOO_LARGE_FOR_RAM);
        assertMentions(finding, "3,006", "2,000", "; 0 frames");
    }

    @Test
    void zeroDelaysAreWarnedAtTheirFrames() {
        int[] delays = new int[30];
        Arrays.fill(delays, 40);
        delays[3] = 0;
        delays[7] = 0;
        ValidationReport report = validator.validate(TestPatterns.withDelays(10, delays, 0, 0, 0), DeviceLimits.none());
        List<Finding> zero = report.withCode(ValidationError.ZERO_FRAME_DELAY);
        assertEquals(List.of(Location.frame(3), Location.frame(7)), zero.stream().map(Finding::location).toList());
        assertEquals(Severity.WARNING, zero.get(0).severity());
        // Messages count frames from 1, as the workbench shows them; locations from 0.
        assertMentions(zero.get(0), "Frame 4", "2 of 30");
        assertTrue(report.isValid());
    }

    @Test
    void delaysShorterThanTheRefreshAreWarned() {
        // 1,000 WS2812 LEDs take 30 ms + 50 µs to refresh: 31 ms is the shortest delay.
        assertEquals(31, PatternValidator.minimumFrameDelayMs(1000));
        assertEquals(PatternValidator.MIN_FRAME_DELAY_MS, PatternValidator.minimumFrameDelayMs(10));
        int[] delays = {31, 20, 31, 30};
        ValidationReport report = validator.validate(TestPatterns.withDelays(1000, delays, 0, 0, 0), DeviceLimits.none());
        List<Finding> tooShort = report.withCode(ValidationError.FRAME_DELAY_TOO_SHORT);
        assertEquals(List.of(Location.frame(1), Location.frame(3)), tooShort.stream().map(Finding::location).toList());
        assertMentions(tooShort.get(0), "Frame 2", "20 ms", "1,000 LEDs", "31 ms", "2 of 4");

        ValidationReport small = validator.validate(TestPatterns.uniform(10, 2, 5, 0, 0, 0), DeviceLimits.none());
        assertEquals(1, small.withCode(ValidationError.FRAME_DELAY_TOO_SHORT).size(), "consecutive equal delays are one finding");
        assertMentions(small.withCode(ValidationError.FRAME_DELAY_TOO_SHORT).get(0), "Frames 1 to 2 last 5 ms", "10 ms");
        assertFalse(validator.validate(TestPatterns.uniform(10, 2, 10, 0, 0, 0), DeviceLimits.none())
                .contains(ValidationError.FRAME_DELAY_TOO_SHORT));
    }

    @Test
    void aRunOfFramesWithTheSameDelayIsOneFinding() {
        ValidationReport report = validator.validate(TestPatterns.uniform(1, 10_000, 0, 0, 0, 0), DeviceLimits.none());
        Finding zero = only(report, ValidationError.ZERO_FRAME_DELAY);
        assertEquals(Location.frame(0), zero.location());
        assertMentions(zero, "Frames 1 to 10000 have a delay of 0 ms", "10,000 of 10,000");
        assertFalse(report.contains(ValidationError.MORE_FINDINGS_NOT_LISTED));
    }

    @Test
    void findingsPerCodeAreCappedWithASummary() {
        // 0 ms and 50 ms alternate: 10,000 separate runs of one frame each.
        Pattern pattern = TestPatterns.withDelays(1, alternating(20_000), 0, 0, 0);
        ValidationReport report = validator.validate(pattern, DeviceLimits.none());
        List<Finding> zero = report.withCode(ValidationError.ZERO_FRAME_DELAY);
        assertEquals(PatternValidator.DEFAULT_MAX_FINDINGS_PER_CODE, zero.size());
        assertEquals(Location.frame(0), zero.get(0).location());
        assertEquals(Location.frame(2), zero.get(1).location());
        assertMentions(zero.get(0), "Frame 1 has", "10,000 of 20,000");
        Finding summary = only(report, ValidationError.MORE_FINDINGS_NOT_LISTED);
        assertEquals(Severity.WARNING, summary.severity());
        assertEquals(Location.frame(40), summary.location());
        assertMentions(summary, "9,980", "UB-V004", "10,000 frames", "frame 41");
        assertTrue(report.findings().size() < 30, () -> report.findings().size() + " findings");

        ValidationReport capped = validator.validate(pattern, DeviceLimits.none(), 5);
        assertEquals(5, capped.withCode(ValidationError.ZERO_FRAME_DELAY).size());
        assertMentions(only(capped, ValidationError.MORE_FINDINGS_NOT_LISTED), "9,995");
        assertThrows(IllegalArgumentException.class, () -> validator.validate(pattern, DeviceLimits.none(), 0));
    }

    @Test
    void noSummaryWhenEverythingIsListed() {
        Pattern pattern = TestPatterns.withDelays(1, alternating(2 * PatternValidator.DEFAULT_MAX_FINDINGS_PER_CODE), 0, 0, 0);
        ValidationReport report = validator.validate(pattern, DeviceLimits.none());
        assertEquals(PatternValidator.DEFAULT_MAX_FINDINGS_PER_CODE, report.withCode(ValidationError.ZERO_FRAME_DELAY).size());
        assertFalse(report.contains(ValidationError.MORE_FINDINGS_NOT_LISTED));
    }

    /** 0 ms on even frames, 50 ms on odd ones. */
    private static int[] alternating(int frames) {
        int[] delays = new int[frames];
        for (int f = 1; f < frames; f += 2) {
            delays[f] = 50;
        }
        return delays;
    }

    @Test
    void fullWhiteFrameWarnsOfPeakCurrentAtThatFrame() {
        // 100 LEDs x 3 channels x 20 mA = 6 A in frame 1; frame 2 is half that.
        Pattern pattern = TestPatterns.frameColours(100, 50, 0x010101, 0xFFFFFF, 0x808080);
        ValidationReport report = validator.validate(pattern, DeviceLimits.none());
        Finding warning = only(report, ValidationError.PEAK_CURRENT_HIGH);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(Location.frame(1), warning.location());
        assertMentions(warning, "Frame 2", "6.00 A", "2.00 A", "2 of 3");
        Finding estimate = only(report, ValidationError.CURRENT_ESTIMATE);
        assertEquals(Severity.INFO, estimate.severity());
        assertEquals(Location.frame(1), estimate.location());
        assertMentions(estimate, "6.00 A", "frame 2");
        assertTrue(report.isValid(), "a current warning does not block the upload");
    }

    @Test
    void powerBudgetReplacesTheDefaultThreshold() {
        Pattern pattern = TestPatterns.frameColours(100, 50, 0x010101, 0xFFFFFF, 0x808080);
        Finding overBudget = only(validator.validate(pattern, DeviceLimits.none().withPowerBudgetMa(5_000)),
                ValidationError.PEAK_CURRENT_OVER_BUDGET);
        assertEquals(Location.frame(1), overBudget.location());
        assertMentions(overBudget, "6.00 A", "5.00 A", "1 of 3");

        ValidationReport enough = validator.validate(pattern, DeviceLimits.none().withPowerBudgetMa(6_000));
        assertFalse(enough.contains(ValidationError.PEAK_CURRENT_OVER_BUDGET));
        assertFalse(enough.contains(ValidationError.PEAK_CURRENT_HIGH));
    }

    @Test
    void currentExactlyAtTheThresholdDoesNotWarn() {
        // 50 LEDs with red and green full = 100 channels = 2,000 mA exactly.
        Pattern atThreshold = TestPatterns.uniform(50, 1, 50, 255, 255, 0);
        assertFalse(validator.validate(atThreshold, DeviceLimits.none()).contains(ValidationError.PEAK_CURRENT_HIGH));
        Pattern justOver = TestPatterns.uniform(50, 1, 50, 255, 255, 1);
        assertTrue(validator.validate(justOver, DeviceLimits.none()).contains(ValidationError.PEAK_CURRENT_HIGH));
    }

    @Test
    void peakIsTheBrightestFrameAndTheAverageCoversAll() {
        Pattern pattern = TestPatterns.frameColours(10, 50, 0x000000, 0x0000FF, 0xFF0000, 0xFF00FF, 0x000000);
        Finding estimate = only(validator.validate(pattern, DeviceLimits.none()), ValidationError.CURRENT_ESTIMATE);
        // Peak: frame 3, 10 LEDs x 2 channels x 20 mA = 0.40 A; average (0 + 0.2 + 0.2 + 0.4 + 0) / 5 = 0.16 A.
        assertEquals(Location.frame(3), estimate.location());
        assertMentions(estimate, "0.40 A", "frame 4", "average 0.16 A");
    }

    @Test
    void largeFullWhiteFrameIsSummedExactly() {
        // 65,535 x 3 channels x 20 mA = 3,932.1 A; 1,000 LEDs = 60 A. Large sums must not overflow.
        assertMentions(only(validator.validate(TestPatterns.uniform(Pattern.MAX_LEDS, 2, 50, 255, 255, 255), DeviceLimits.none()),
                ValidationError.CURRENT_ESTIMATE), "3932.10 A", "average 3932.10 A");
        assertMentions(only(validator.validate(TestPatterns.uniform(1000, 3, 50, 255, 255, 255), DeviceLimits.none()),
                ValidationError.CURRENT_ESTIMATE), "60.00 A", "average 60.00 A");
    }

    @Test
    void brightnessSumsMatchANaiveCountOnRandomPatterns() {
        Random random = new Random(20261128);
        for (int round = 0; round < 40; round++) {
            int leds = 1 + random.nextInt(3000);
            int frames = 1 + random.nextInt(40);
            byte[] rgb = new byte[leds * frames * 3];
            int[] delays = new int[frames];
            Arrays.fill(delays, 50);
            long[] sums = new long[frames];
            for (int f = 0; f < frames; f++) {
                // Frames of different brightness, so that the peak and the count over a budget vary.
                int ceiling = random.nextBoolean() ? 256 : 1 + random.nextInt(256);
                for (int i = 0; i < leds * 3; i++) {
                    int value = random.nextInt(ceiling);
                    rgb[f * leds * 3 + i] = (byte) value;
                    sums[f] += value;
                }
            }
            int expectedPeak = 0;
            for (int f = 1; f < frames; f++) {
                if (sums[f] > sums[expectedPeak]) {
                    expectedPeak = f;
                }
            }
            int budgetMa = 1 + (int) (sums[random.nextInt(frames)] * 20 / 255);
            long overSum = (long) budgetMa * 255 / 20;
            long expectedOver = Arrays.stream(sums).filter(sum -> sum > overSum).count();

            Pattern pattern = Pattern.of(leds, delays, rgb, null);
            ValidationReport report = validator.validate(pattern, DeviceLimits.none().withPowerBudgetMa(budgetMa));
            int peak = expectedPeak;
            assertEquals(Location.frame(peak), only(report, ValidationError.CURRENT_ESTIMATE).location(),
                    () -> leds + " LEDs x " + frames + " frames");
            List<Finding> over = report.withCode(ValidationError.PEAK_CURRENT_OVER_BUDGET);
            if (expectedOver == 0) {
                assertEquals(List.of(), over);
            } else {
                assertEquals(Location.frame(peak), over.get(0).location());
                assertMentions(over.get(0), "(" + expectedOver + " of " + frames + " frames");
            }
        }
    }

    @Test
    void largePatternSummedOnAllCoresGivesTheSameAnswer() {
        // 1,000 LEDs x 6,000 frames = 18 MB, above the size that is summed in parallel chunks.
        int leds = 1000;
        int frames = 6000;
        int[] levels = new int[frames];
        for (int f = 0; f < frames; f++) {
            levels[f] = f % 97;
        }
        levels[4321] = 255;
        levels[5000] = 255;
        byte[] rgb = new byte[leds * 3 * frames];
        for (int f = 0; f < frames; f++) {
            Arrays.fill(rgb, f * leds * 3, (f + 1) * leds * 3, (byte) levels[f]);
        }
        int[] delays = new int[frames];
        Arrays.fill(delays, 50);
        // Over 3,000 channels at level 90: 90 x 3,000 / 255 x 20 mA = 21,176 mA.
        int budgetMa = 21_176;
        long overSum = (long) budgetMa * 255 / 20;
        long expectedOver = Arrays.stream(levels).filter(level -> (long) level * leds * 3 > overSum).count();

        ValidationReport report = validator.validate(Pattern.of(leds, delays, rgb, null), DeviceLimits.none().withPowerBudgetMa(budgetMa));
        // Frames 4,321 and 5,000 tie for the peak: the first one is named.
        assertEquals(Location.frame(4321), only(report, ValidationError.CURRENT_ESTIMATE).location());
        Finding over = only(report, ValidationError.PEAK_CURRENT_OVER_BUDGET);
        assertMentions(over, "Frame 4322 ", "60.00 A", "(" + String.format(java.util.Locale.ROOT, "%,d", expectedOver) + " of 6,000 frames");
    }

    @Test
    void severalProblemsAreAllReported() {
        Pattern pattern = TestPatterns.uniform(1200, 20, 0, 255, 255, 255);
        ValidationReport report = validator.validate(pattern, DeviceLimits.esp8266());
        assertTrue(report.contains(ValidationError.TOO_MANY_LEDS_FOR_DEVICE));
        assertTrue(report.contains(ValidationError.PATTERN_TOO_LARGE_FOR_RAM));
        assertTrue(report.contains(ValidationError.ZERO_FRAME_DELAY));
        assertTrue(report.contains(ValidationError.PEAK_CURRENT_HIGH));
        assertEquals(2, report.errors().size());
        assertEquals(2, report.warnings().size(), () -> "one for the 20 frames of 0 ms, one for the current: " + report.warnings());
        assertEquals(1, report.infos().size());
    }

    @Test
    void reportsMergeInOrder() {
        ValidationReport first = validator.validate(TestPatterns.uniform(2000, 1, 50, 0, 0, 0), DeviceLimits.esp8266());
        ValidationReport second = validator.validate(TestPatterns.uniform(10, 1, 0, 0, 0, 0), DeviceLimits.none());
        ValidationReport merged = first.merge(second);
        assertEquals(first.findings().size() + second.findings().size(), merged.findings().size());
        assertEquals(first.findings(), merged.findings().subList(0, first.findings().size()));
        assertFalse(merged.isValid());
        assertTrue(second.isValid());
        assertEquals(second, ValidationReport.empty().merge(second));
        assertThrows(UnsupportedOperationException.class, () -> merged.findings().clear());
    }

    @Test
    void locationsDescribeFramesAndLeds() {
        assertEquals(OptionalInt.of(4), Location.of(4, 7).frame());
        assertEquals(OptionalInt.of(7), Location.of(4, 7).led());
        assertEquals("frame 4, LED 7", Location.of(4, 7).toString());
        assertTrue(Location.none().isNone());
        assertFalse(Location.led(2).isNone());
        assertThrows(IllegalArgumentException.class, () -> Location.frame(-1));
    }

    @Test
    void deviceProfilesHaveTheDocumentedLimits() {
        assertEquals(45_000, DeviceLimits.esp8266().freeRamBytes().getAsLong());
        assertEquals(250_000, DeviceLimits.esp32().freeRamBytes().getAsLong());
        assertEquals(DeviceLimits.CLASSIC_FIRMWARE_MAX_LEDS, DeviceLimits.esp8266().maxLeds().getAsInt());
        assertTrue(DeviceLimits.none().maxLeds().isEmpty());
        assertTrue(DeviceLimits.none().freeRamBytes().isEmpty());
        assertTrue(DeviceLimits.none().powerBudgetMa().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeviceLimits.none().withMaxLeds(0));
    }
}
