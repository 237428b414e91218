package org.uploadbridge.licensing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A licence's content, as signed by the vendor (format in docs/licensing.md).
 *
 * @param id the vendor's licence id
 * @param licensee who it is issued to
 * @param edition the edition's name, e.g. "studio"
 * @param entitlements what it allows
 * @param issued the day it was issued
 * @param expires its last valid day (UTC); empty = does not expire
 * @param graceDays days after expiry during which it still works, with warnings
 * @param machine the machine it is bound to; empty = any machine
 */
public record Licence(String id, String licensee, String edition, Entitlements entitlements, LocalDate issued,
        Optional<LocalDate> expires, int graceDays, Optional<MachineBinding> machine) {

    public Licence {
        requireText(id, "id");
        requireText(licensee, "licensee");
        requireText(edition, "edition");
        Objects.requireNonNull(entitlements, "entitlements");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(machine, "machine");
        if (graceDays < 0 || graceDays > 3650) {
            throw new IllegalArgumentException("grace_days must be 0..3650, was " + graceDays);
        }
        if (expires.isPresent() && expires.get().isBefore(issued)) {
            throw new IllegalArgumentException("expires " + expires.get() + " is before issued " + issued);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }
}
