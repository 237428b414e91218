package org.uploadbridge.validation.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.Location;
import org.uploadbridge.validation.Severity;
import org.uploadbridge.validation.ValidationError;
import org.uploadbridge.validation.ValidationReport;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.FileValidation;
import org.uploadbridge.validation.pattern.PatternValidator;

/**
 * The pattern checks of {@link PatternValidator}. The pixel pass is the only part that grows with
 * the pattern: it reads the pixel bytes in place, eight at a time, with no objects per frame or
 * pixel, so validating a pattern costs a fraction of reading it from disk.
 */
@Component(service = PatternValidator.class)
public final class DefaultPatternValidator implements PatternValidator {

    /** Null while no loader runs: in-memory validation still works, file validation reports it. */
    private final PatternLoader loader;

    /**
     * The loader is optional and greedy so that the validator is available without it and is
     * re-created as soon as a loader appears.
     */
    @Activate
    public DefaultPatternValidator(
            @Reference(name = "patternLoader", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) PatternLoader loader) {
        this.loader = loader;
    }

    @Override
    public ValidationReport validate(Pattern pattern, DeviceLimits limits, int maxFindingsPerCode) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(limits, "limits");
        if (maxFindingsPerCode < 1) {
            throw new IllegalArgumentException("maxFindingsPerCode must be >= 1, was " + maxFindingsPerCode);
        }
        List<Finding> findings = new ArrayList<>();
        checkCounts(pattern, limits, findings);
        checkDelays(pattern, maxFindingsPerCode, findings);
        checkMemory(pattern, limits, findings);
        checkCurrent(pattern, limits, findings);
        return new ValidationReport(findings);
    }

    @Override
    public FileValidation loadAndValidate(Path file, ReadOptions options, DeviceLimits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(limits, "limits");
        if (loader == null) {
            return new FileValidation(Optional.empty(), ValidationReport.of(
                    Finding.of(Severity.ERROR, ValidationError.PATTERN_LOADER_UNAVAILABLE, Location.none(), file.toString())));
        }
        LoadedPattern loaded;
        try {
            loaded = loader.load(file, options);
        } catch (UploadBridgeException e) {
            // The reader's own code and text say best what is wrong with the file.
            Finding unreadable = new Finding(Severity.ERROR, e.code(), e.detail(), Location.none());
            return new FileValidation(Optional.empty(), ValidationReport.of(unreadable));
        }
        return new FileValidation(Optional.of(loaded), validate(loaded.pattern(), limits));
    }

    private static void checkCounts(Pattern pattern, DeviceLimits limits, List<Finding> findings) {
        int leds = pattern.ledCount();
        if (leds < 1 || leds > Pattern.MAX_LEDS) {
            findings.add(Finding.of(Severity.ERROR, ValidationError.LED_COUNT_OUT_OF_RANGE, Location.none(), leds));
        } else if (limits.maxLeds().isPresent() && leds > limits.maxLeds().getAsInt()) {
            findings.add(Finding.of(Severity.ERROR, ValidationError.TOO_MANY_LEDS_FOR_DEVICE, Location.none(),
                    leds, limits.maxLeds().getAsInt()));
        }
        int frames = pattern.frameCount();
        if (frames < 1 || frames > Pattern.MAX_FRAMES) {
            findings.add(Finding.of(Severity.ERROR, ValidationError.FRAME_COUNT_OUT_OF_RANGE, Location.none(), frames));
        }
    }

    /**
     * Warns of frames whose delay is 0 ms or shorter than the LEDs take to refresh. Consecutive
     * affected frames with the same delay make one finding ("frames 1 to 60 last 16 ms"), so a
     * pattern with one short delay throughout gives one line, not one per frame.
     */
    private static void checkDelays(Pattern pattern, int cap, List<Finding> findings) {
        int[] delays = pattern.frameDelaysMs();
        int frames = delays.length;
        int leds = pattern.ledCount();
        int minimumMs = PatternValidator.minimumFrameDelayMs(leds);
        DelayRuns zero = new DelayRuns(frames);
        DelayRuns tooShort = new DelayRuns(frames);
        for (int f = 0; f < frames; f++) {
            int delay = delays[f];
            if (delay == 0) {
                zero.add(f, delay);
            } else if (delay < minimumMs) {
                tooShort.add(f, delay);
            }
        }
        CappedFindings.add(findings, zero.starts, zero.runs, zero.frames, cap, ValidationError.ZERO_FRAME_DELAY, Severity.WARNING,
                f -> Finding.of(Severity.WARNING, ValidationError.ZERO_FRAME_DELAY, Location.frame(f),
                        f + 1, zero.frames, frames, zero.length(f), zero.end(f) + 1));
        CappedFindings.add(findings, tooShort.starts, tooShort.runs, tooShort.frames, cap, ValidationError.FRAME_DELAY_TOO_SHORT,
                Severity.WARNING, f -> Finding.of(Severity.WARNING, ValidationError.FRAME_DELAY_TOO_SHORT, Location.frame(f),
                        f + 1, delays[f], tooShort.frames, frames, leds, minimumMs, tooShort.length(f), tooShort.end(f) + 1));
    }

    /** Runs of consecutive affected frames with equal delays, without boxing. */
    private static final class DelayRuns {
        final int[] starts;
        final int[] endByStart;
        int runs;
        int frames;
        private int lastFrame = -2;
        private int lastDelay = -1;

        DelayRuns(int frameCount) {
            starts = new int[frameCount];
            endByStart = new int[frameCount];
        }

        void add(int frame, int delay) {
            if (frame == lastFrame + 1 && delay == lastDelay) {
                endByStart[starts[runs - 1]] = frame;
            } else {
                starts[runs++] = frame;
                endByStart[frame] = frame;
            }
            frames++;
            lastFrame = frame;
            lastDelay = delay;
        }

        int end(int start) {
            return endByStart[start];
        }

        int length(int start) {
            return endByStart[start] - start + 1;
        }
    }

    private static void checkMemory(Pattern pattern, DeviceLimits limits, List<Finding> findings) {
        if (limits.freeRamBytes().isEmpty()) {
            return;
        }
        long free = limits.freeRamBytes().getAsLong();
        long size = pattern.nativeSize();
        int leds = pattern.ledCount();
        if (size > free) {
            long framesThatFit = Math.max(0, (free - 4) / (2 + 3L * leds));
            findings.add(Finding.of(Severity.ERROR, ValidationError.PATTERN_TOO_LARGE_FOR_RAM, Location.none(),
                    size, free, framesThatFit, leds));
        } else if (size * 100 > free * RAM_HEADROOM_WARNING_PERCENT) {
            findings.add(Finding.of(Severity.WARNING, ValidationError.LOW_MEMORY_HEADROOM, Location.none(),
                    size, free, size * 100.0 / free));
        }
    }

    private static void checkCurrent(Pattern pattern, DeviceLimits limits, List<Finding> findings) {
        boolean budgetGiven = limits.powerBudgetMa().isPresent();
        int limitMa = budgetGiven ? limits.powerBudgetMa().getAsInt() : DEFAULT_CURRENT_WARNING_MA;
        // current = channelSum / 255 x 20 mA, so current > limit <=> channelSum > limit x 255 / 20.
        long overLimitSum = (long) limitMa * 255 / MILLIAMPS_PER_CHANNEL;
        FrameSums sums = FrameSums.of(pattern, overLimitSum);
        double peakAmps = milliamps(sums.peakSum()) / 1000.0;
        double averageAmps = milliamps((double) sums.totalSum() / pattern.frameCount()) / 1000.0;
        if (sums.framesOverLimit() > 0) {
            ValidationError code = budgetGiven ? ValidationError.PEAK_CURRENT_OVER_BUDGET : ValidationError.PEAK_CURRENT_HIGH;
            findings.add(Finding.of(Severity.WARNING, code, Location.frame(sums.peakFrame()),
                    sums.peakFrame() + 1, peakAmps, limitMa / 1000.0, sums.framesOverLimit(), pattern.frameCount()));
        }
        findings.add(Finding.of(Severity.INFO, ValidationError.CURRENT_ESTIMATE, Location.frame(sums.peakFrame()),
                peakAmps, sums.peakFrame() + 1, averageAmps));
    }

    private static double milliamps(double channelSum) {
        return channelSum * MILLIAMPS_PER_CHANNEL / 255.0;
    }

    /**
     * One pass over the pixels: the brightest frame (sum of all R, G and B bytes), the sum over all
     * frames and how many frames exceed a given sum.
     */
    record FrameSums(int peakFrame, long peakSum, long totalSum, int framesOverLimit) {

        private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;
        /** 16-bit lanes gain at most 2 x 255 per long: 128 longs stay below 65,536. */
        private static final int LONGS_PER_BLOCK = 128;
        /** Below this, a parallel pass costs more in coordination than it saves. */
        private static final long PARALLEL_THRESHOLD_BYTES = 16L << 20;

        static FrameSums of(Pattern pattern, long overLimitSum) {
            int frames = pattern.frameCount();
            int frameBytes = pattern.ledCount() * 3;
            // Read in place, no copy; the byte order does not change a sum of bytes. Absolute reads
            // leave the buffer unchanged, so the chunks below may share it.
            ByteBuffer pixels = pattern.pixelData().order(ByteOrder.nativeOrder());
            long pixelBytes = (long) frames * frameBytes;
            if (pixelBytes < PARALLEL_THRESHOLD_BYTES || frames < 2) {
                return ofFrames(pixels, frameBytes, 0, frames, overLimitSum);
            }
            // Large patterns are summed on all cores, in chunks of whole frames, combined in order.
            int chunks = Math.min(frames, 4 * Runtime.getRuntime().availableProcessors());
            List<FrameSums> parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> ofFrames(pixels, frameBytes, (int) ((long) frames * c / chunks),
                            (int) ((long) frames * (c + 1) / chunks), overLimitSum))
                    .toList();
            FrameSums all = parts.get(0);
            for (int c = 1; c < parts.size(); c++) {
                all = all.followedBy(parts.get(c));
            }
            return all;
        }

        private static FrameSums ofFrames(ByteBuffer pixels, int frameBytes, int from, int to, long overLimitSum) {
            int peakFrame = from;
            long peakSum = -1;
            long total = 0;
            int over = 0;
            for (int f = from; f < to; f++) {
                long sum = sumUnsigned(pixels, Math.toIntExact((long) f * frameBytes), frameBytes);
                total += sum;
                if (sum > peakSum) {
                    peakSum = sum;
                    peakFrame = f;
                }
                if (sum > overLimitSum) {
                    over++;
                }
            }
            return new FrameSums(peakFrame, peakSum, total, over);
        }

        /** These sums combined with those of the frames that follow; the first peak wins a tie. */
        private FrameSums followedBy(FrameSums next) {
            boolean nextPeaks = next.peakSum > peakSum;
            return new FrameSums(nextPeaks ? next.peakFrame : peakFrame, Math.max(peakSum, next.peakSum),
                    totalSum + next.totalSum, framesOverLimit + next.framesOverLimit);
        }

        /**
         * The sum of {@code length} unsigned bytes from {@code offset}, eight at a time (SIMD within a
         * register): each long is split into four 16-bit lanes of byte pairs that add up without
         * carrying into each other for a block of longs, then the lanes are folded.
         */
        static long sumUnsigned(ByteBuffer bytes, int offset, int length) {
            int end = offset + length;
            int i = offset;
            long total = 0;
            while (end - i >= Long.BYTES) {
                int blockEnd = Math.min(end - (Long.BYTES - 1), i + Long.BYTES * LONGS_PER_BLOCK);
                long lanes = 0;
                for (; i < blockEnd; i += Long.BYTES) {
                    long eight = bytes.getLong(i);
                    lanes += (eight & LOW_BYTES) + (eight >>> 8 & LOW_BYTES);
                }
                total += (lanes & 0xFFFF) + (lanes >>> 16 & 0xFFFF) + (lanes >>> 32 & 0xFFFF) + (lanes >>> 48);
            }
            for (; i < end; i++) {
                total += bytes.get(i) & 0xFF;
            }
            return total;
        }
    }
}
