package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FaultProfile;

/** The fault profile as a value, without a network. */
class FaultProfileTest {

    @Test
    void noneInjectsNothing() {
        FaultProfile none = FaultProfile.none();

        assertTrue(none.injectsNothing());
        assertEquals(0, none.totalProbability());
        assertEquals(Map.of(), none.probabilities());
        assertEquals(FaultProfile.DEFAULT_STALL_TIME, none.stallTime());
    }

    @Test
    void flakySpreadsTheRateOverTheTransientKindsOnly() {
        FaultProfile flaky = FaultProfile.flaky(0.2, 99);

        Set<FaultKind> transientKinds = EnumSet.of(FaultKind.RESET_MID_UPLOAD, FaultKind.SERVICE_UNAVAILABLE,
                FaultKind.TRUNCATED_JSON, FaultKind.INVALID_JSON);
        assertEquals(transientKinds, flaky.probabilities().keySet());
        assertEquals(transientKinds, EnumSet.copyOf(Arrays.stream(FaultKind.values()).filter(FaultKind::isTransient).toList()));
        transientKinds.forEach(kind -> assertEquals(0.05, flaky.probability(kind), 1e-12));
        assertEquals(0, flaky.probability(FaultKind.REBOOT));
        assertEquals(0.2, flaky.totalProbability(), 1e-12);
        assertEquals(99, flaky.seed());
    }

    @Test
    void withersChangeOneThing() {
        FaultProfile profile = FaultProfile.none().with(FaultKind.STALL, 0.25).with(FaultKind.REBOOT, 0.01).withSeed(7)
                .withStallTime(Duration.ofSeconds(2)).withSlowDrip(4, Duration.ofMillis(50));

        assertEquals(0.25, profile.probability(FaultKind.STALL));
        assertEquals(0.01, profile.probability(FaultKind.REBOOT));
        assertEquals(7, profile.seed());
        assertEquals(Duration.ofSeconds(2), profile.stallTime());
        assertEquals(4, profile.dripChunkBytes());
        assertEquals(Duration.ofMillis(50), profile.dripPause());
        assertFalse(profile.with(FaultKind.STALL, 0).probabilities().containsKey(FaultKind.STALL));
        assertEquals(profile, profile.with(FaultKind.SLOW_DRIP, 0), "a kind at 0 is a kind left out");
    }

    @Test
    void aRequestGetsAtMostOneFaultSoTheProbabilitiesAddUpToAtMostOne() {
        FaultProfile half = FaultProfile.none().with(FaultKind.SERVICE_UNAVAILABLE, 0.5);

        assertEquals(1.0, half.with(FaultKind.STALL, 0.5).totalProbability());
        assertEquals(1.0, FaultProfile.flaky(1, 0).totalProbability(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> half.with(FaultKind.STALL, 0.6));
    }

    @ParameterizedTest
    @ValueSource(doubles = { -0.1, 1.1, Double.NaN })
    void probabilitiesOutside0To1AreRefused(double probability) {
        assertThrows(IllegalArgumentException.class, () -> FaultProfile.none().with(FaultKind.INVALID_JSON, probability));
        assertThrows(IllegalArgumentException.class, () -> FaultProfile.flaky(probability, 1));
    }

    @Test
    void impossibleTimingsAreRefused() {
        FaultProfile none = FaultProfile.none();
        assertThrows(IllegalArgumentException.class, () -> none.withStallTime(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> none.withStallTime(Duration.ofMinutes(6)));
        assertThrows(IllegalArgumentException.class, () -> none.withSlowDrip(0, Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class, () -> none.withSlowDrip(8, Duration.ofSeconds(11)));
        assertThrows(NullPointerException.class, () -> none.with(null, 0.1));
    }

    @Test
    void theProbabilitiesCannotBeChangedBehindItsBack() {
        FaultProfile profile = FaultProfile.none().with(FaultKind.STALL, 0.1);

        assertThrows(UnsupportedOperationException.class, () -> profile.probabilities().put(FaultKind.REBOOT, 0.5));
    }
}
