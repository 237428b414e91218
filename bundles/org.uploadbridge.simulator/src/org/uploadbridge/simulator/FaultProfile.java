package org.uploadbridge.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How often a simulated device misbehaves, and how. Every request that reaches a device while it is
 * up draws one number from the device's own random sequence, seeded from {@link #seed()} and the
 * device's index in its fleet; at most one fault follows. So the same profile and the same order
 * of requests to a device give the same faults, run after run.
 *
 * <p>Each probability is per request the kind applies to (see {@link FaultKind#needsRequestBody()}
 * and {@link FaultKind#needsJsonAnswer()}): a kind that does not apply to a request leaves its
 * share to no fault. The probabilities add up to at most 1.
 *
 * @param seed where the devices' random sequences start
 * @param probabilities per kind, 0..1; kinds not in it (or 0) never happen
 * @param stallTime how long {@link FaultKind#STALL} holds a request, 0..{@value #MAX_STALL_MINUTES} minutes
 * @param dripChunkBytes how many bytes {@link FaultKind#SLOW_DRIP} sends at a time, 1..{@value #MAX_DRIP_CHUNK_BYTES}
 * @param dripPause the pause between two chunks of {@link FaultKind#SLOW_DRIP}, 0..{@value #MAX_DRIP_PAUSE_SECONDS} s
 */
public record FaultProfile(long seed, Map<FaultKind, Double> probabilities, Duration stallTime, int dripChunkBytes,
        Duration dripPause) {

    /** Long enough to outlast the original tool's status timeout (5 s) and most uploads' patience. */
    public static final Duration DEFAULT_STALL_TIME = Duration.ofSeconds(10);
    public static final int DEFAULT_DRIP_CHUNK_BYTES = 16;
    public static final Duration DEFAULT_DRIP_PAUSE = Duration.ofMillis(100);
    public static final int MAX_STALL_MINUTES = 5;
    public static final int MAX_DRIP_CHUNK_BYTES = 65_536;
    /** Below the simulator's idle timeout (30 s), which would otherwise close a dripping connection. */
    public static final int MAX_DRIP_PAUSE_SECONDS = 10;
    /** Rounding slack when probabilities that should add up to 1 are summed. */
    private static final double SUM_TOLERANCE = 1e-9;

    public FaultProfile {
        Objects.requireNonNull(probabilities, "probabilities");
        Map<FaultKind, Double> nonZero = new EnumMap<>(FaultKind.class);
        double sum = 0;
        for (Map.Entry<FaultKind, Double> entry : probabilities.entrySet()) {
            FaultKind kind = Objects.requireNonNull(entry.getKey(), "fault kind");
            double probability = Objects.requireNonNull(entry.getValue(), "probability of " + kind);
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("the probability of " + kind + " must be 0..1: " + probability);
            }
            if (probability > 0) {
                nonZero.put(kind, probability);
                sum += probability;
            }
        }
        if (sum > 1 + SUM_TOLERANCE) {
            throw new IllegalArgumentException("a request gets at most one fault: the probabilities add up to " + sum
                    + ", more than 1");
        }
        probabilities = Collections.unmodifiableMap(nonZero);
        if (stallTime.isNegative() || stallTime.compareTo(Duration.ofMinutes(MAX_STALL_MINUTES)) > 0) {
            throw new IllegalArgumentException("stallTime must be 0.." + MAX_STALL_MINUTES + " minutes: " + stallTime);
        }
        if (dripChunkBytes < 1 || dripChunkBytes > MAX_DRIP_CHUNK_BYTES) {
            throw new IllegalArgumentException("dripChunkBytes must be 1.." + MAX_DRIP_CHUNK_BYTES + ": " + dripChunkBytes);
        }
        if (dripPause.isNegative() || dripPause.compareTo(Duration.ofSeconds(MAX_DRIP_PAUSE_SECONDS)) > 0) {
            throw new IllegalArgumentException("dripPause must be 0.." + MAX_DRIP_PAUSE_SECONDS + " s: " + dripPause);
        }
    }

    /** No faults: the device behaves. */
    public static FaultProfile none() {
        return new FaultProfile(0, Map.of(), DEFAULT_STALL_TIME, DEFAULT_DRIP_CHUNK_BYTES, DEFAULT_DRIP_PAUSE);
    }

    /**
     * {@code totalProbability} spread evenly over the {@linkplain FaultKind#isTransient() transient}
     * kinds (reset mid-upload, 503, truncated and invalid JSON): a flaky device whose failures a
     * retry can get past without waiting.
     */
    public static FaultProfile flaky(double totalProbability, long seed) {
        if (!(totalProbability >= 0 && totalProbability <= 1)) {
            throw new IllegalArgumentException("the total fault probability must be 0..1: " + totalProbability);
        }
        List<FaultKind> transientKinds = Arrays.stream(FaultKind.values()).filter(FaultKind::isTransient).toList();
        Map<FaultKind, Double> spread = new EnumMap<>(FaultKind.class);
        transientKinds.forEach(kind -> spread.put(kind, totalProbability / transientKinds.size()));
        return none().withSeed(seed).withProbabilities(spread);
    }

    /** The probability of {@code kind} per request it applies to; 0 when it never happens. */
    public double probability(FaultKind kind) {
        return probabilities.getOrDefault(kind, 0.0);
    }

    /** The sum of all probabilities: the fault rate of requests every kind applies to. */
    public double totalProbability() {
        return probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether no fault ever happens by chance ({@link SimulatedDevice#failNext} still works). */
    public boolean injectsNothing() {
        return probabilities.isEmpty();
    }

    /** This profile with {@code kind} at {@code probability} (0 removes it); the others stay. */
    public FaultProfile with(FaultKind kind, double probability) {
        Map<FaultKind, Double> changed = new EnumMap<>(FaultKind.class);
        changed.putAll(probabilities);
        changed.put(Objects.requireNonNull(kind, "kind"), probability);
        return withProbabilities(changed);
    }

    /** This profile with exactly {@code kinds} as its probabilities. */
    public FaultProfile withProbabilities(Map<FaultKind, Double> kinds) {
        return new FaultProfile(seed, kinds, stallTime, dripChunkBytes, dripPause);
    }

    public FaultProfile withSeed(long newSeed) {
        return new FaultProfile(newSeed, probabilities, stallTime, dripChunkBytes, dripPause);
    }

    public FaultProfile withStallTime(Duration time) {
        return new FaultProfile(seed, probabilities, time, dripChunkBytes, dripPause);
    }

    /** {@link FaultKind#SLOW_DRIP} sends {@code chunkBytes} at a time with {@code pause} between. */
    public FaultProfile withSlowDrip(int chunkBytes, Duration pause) {
        return new FaultProfile(seed, probabilities, stallTime, chunkBytes, pause);
    }
}
