package org.uploadbridge.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The licence in force and what it allows now.
 *
 * @param status where it stands
 * @param licence the installed licence, if any
 * @param edition the edition in force ("free" unless a licence applies)
 * @param entitlements what is allowed now (the free edition's when no licence applies)
 * @param graceEnds the last day of the grace period, for an expiring licence
 * @param warnings what the user should know (expiry near, grace, clock set back)
 * @param problem why an installed licence does not apply
 */
public record LicenceState(LicenceStatus status, Optional<Licence> licence, String edition, Entitlements entitlements,
        Optional<LocalDate> graceEnds, List<String> warnings, Optional<UploadBridgeException> problem) {

    public static final String FREE_EDITION = "free";

    public LicenceState {
        warnings = List.copyOf(warnings);
    }

    /** No licence installed. */
    public static LicenceState free() {
        return new LicenceState(LicenceStatus.FREE, Optional.empty(), FREE_EDITION, Entitlements.free(), Optional.empty(),
                List.of(), Optional.empty());
    }
}
