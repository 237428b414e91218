package org.uploadbridge.simulator.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FaultProfile;

/**
 * One device's faults: its profile, its own random sequence, the scripted faults waiting their
 * turn, and how many of each kind it injected. One lock; every method is a short critical section.
 */
final class FaultInjector {

    /** A fault decided for one request, with the profile (and so the timing) in force at that moment. */
    record Injection(FaultKind kind, FaultProfile profile) {
    }

    /** A run of scripted faults of one kind. */
    private static final class Scripted {
        private final FaultKind kind;
        private int remaining;

        private Scripted(FaultKind kind, int remaining) {
            this.kind = kind;
            this.remaining = remaining;
        }
    }

    static final int MAX_SCRIPTED_PER_CALL = 1_000_000;
    /** SplittableRandom's own increment: offsets the index so that index 0 is mixed like the others. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final int deviceIndex;
    private final AtomicLongArray injected = new AtomicLongArray(FaultKind.values().length);
    private final Deque<Scripted> script = new ArrayDeque<>();
    private FaultProfile profile = FaultProfile.none();
    private SplittableRandom random;

    FaultInjector(int deviceIndex) {
        this.deviceIndex = deviceIndex;
        this.random = new SplittableRandom(deviceSeed(profile.seed(), deviceIndex));
    }

    synchronized void use(FaultProfile newProfile) {
        profile = Objects.requireNonNull(newProfile, "profile");
        random = new SplittableRandom(deviceSeed(newProfile.seed(), deviceIndex));
    }

    synchronized FaultProfile profile() {
        return profile;
    }

    synchronized void failNext(FaultKind kind, int count) {
        Objects.requireNonNull(kind, "kind");
        if (count < 1 || count > MAX_SCRIPTED_PER_CALL) {
            throw new IllegalArgumentException("count must be 1.." + MAX_SCRIPTED_PER_CALL + ": " + count);
        }
        script.addLast(new Scripted(kind, count));
    }

    /**
     * The fault for the next request, or null for none. Every request draws one number, scripted or
     * not, so the n-th request to a device always meets the n-th number of its sequence.
     *
     * @param hasBody whether the request carries a body
     * @param answersJson whether the device answers it with JSON
     */
    synchronized Injection decide(boolean hasBody, boolean answersJson) {
        double draw = random.nextDouble();
        FaultKind kind = nextScripted(hasBody, answersJson);
        if (kind == null) {
            kind = drawn(draw, hasBody, answersJson);
        }
        if (kind == null) {
            return null;
        }
        injected.incrementAndGet(kind.ordinal());
        return new Injection(kind, profile);
    }

    Map<FaultKind, Long> injected() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            counts.put(kind, injected.get(kind.ordinal()));
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Counts cleared and the random sequence back to its start; profile and script stay. */
    synchronized void restart() {
        for (int i = 0; i < injected.length(); i++) {
            injected.set(i, 0);
        }
        random = new SplittableRandom(deviceSeed(profile.seed(), deviceIndex));
    }

    private FaultKind nextScripted(boolean hasBody, boolean answersJson) {
        Scripted head = script.peekFirst();
        if (head == null || !applies(head.kind, hasBody, answersJson)) {
            return null;
        }
        if (--head.remaining == 0) {
            script.removeFirst();
        }
        return head.kind;
    }

    /** Walks the kinds that apply, each taking its probability's share of [0, 1). */
    private FaultKind drawn(double draw, boolean hasBody, boolean answersJson) {
        double bound = 0;
        for (FaultKind kind : FaultKind.values()) {
            if (applies(kind, hasBody, answersJson)) {
                bound += profile.probability(kind);
                if (draw < bound) {
                    return kind;
                }
            }
        }
        return null;
    }

    private static boolean applies(FaultKind kind, boolean hasBody, boolean answersJson) {
        return (hasBody || !kind.needsRequestBody()) && (answersJson || !kind.needsJsonAnswer());
    }

    /** Seed and index mixed, so that neighbouring devices (and seeds) get unrelated sequences. */
    private static long deviceSeed(long seed, int index) {
        return mix64(seed ^ mix64(index + GOLDEN_GAMMA));
    }

    /** SplittableRandom's finalizer (Stafford's variant 13). */
    private static long mix64(long value) {
        long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
