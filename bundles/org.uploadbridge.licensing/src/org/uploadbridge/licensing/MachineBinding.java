package org.uploadbridge.licensing;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The machine a licence is issued for: its hashed factors ({@link MachineFingerprint}) and how
 * many of them must still match, so one changed factor (a new WiFi adapter, a new host name) does
 * not lock the user out.
 *
 * @param factors hashed factor values by factor name
 * @param required how many must match this machine's
 */
public record MachineBinding(SortedMap<String, String> factors, int required) {

    public MachineBinding {
        factors = new TreeMap<>(factors);
        if (factors.isEmpty() || required < 1 || required > factors.size()) {
            throw new IllegalArgumentException("a machine binding needs 1.." + factors.size() + " required factors, was " + required);
        }
    }

    /** Bound to {@code fingerprint}, tolerating one changed factor when it has three or more. */
    public static MachineBinding tolerantOf(MachineFingerprint fingerprint) {
        int n = fingerprint.factors().size();
        return new MachineBinding(fingerprint.factors(), n >= 3 ? n - 1 : n);
    }

    /** The factor names whose value on {@code machine} differs from the licence's (a factor the machine lacks differs). */
    public java.util.List<String> differences(MachineFingerprint machine) {
        return factors.entrySet().stream().filter(e -> !e.getValue().equals(machine.factors().get(e.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    /** How many factors may differ. */
    public int tolerance() {
        return factors.size() - required;
    }
}
