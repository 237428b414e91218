package org.uploadbridge.licensing;

import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a licence allows.
 *
 * @param maxDevices how many devices Upload Bridge works with; empty = no limit
 * @param features the features included
 */
public record Entitlements(OptionalInt maxDevices, Set<Entitlement> features) {

    /** The free edition's devices. */
    public static final int FREE_DEVICES = 3;

    public Entitlements {
        Objects.requireNonNull(maxDevices, "maxDevices");
        if (maxDevices.isPresent() && maxDevices.getAsInt() < 1) {
            throw new IllegalArgumentException("max_devices must be at least 1, was " + maxDevices.getAsInt());
        }
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** Without a licence (or with one that no longer applies): {@value #FREE_DEVICES} devices, one at a time, no firmware updates. */
    public static Entitlements free() {
        return new Entitlements(OptionalInt.of(FREE_DEVICES), Set.of());
    }

    public boolean includes(Entitlement feature) {
        return features.contains(feature);
    }

    /** Whether {@code devices} devices are within the limit. */
    public boolean allowsDevices(int devices) {
        return maxDevices.isEmpty() || devices <= maxDevices.getAsInt();
    }
}
