package org.uploadbridge.licensing.internal;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.LicenceState;
import org.uploadbridge.licensing.LicenceStatus;
import org.uploadbridge.licensing.MachineBinding;
import org.uploadbridge.licensing.MachineFingerprint;
import org.uploadbridge.licensing.internal.LicenceCodec.SignedLicence;

/**
 * Decides whether a licence applies: its signature and machine (or never), then its dates. Dates
 * are checked against the later of the clock and the latest time Upload Bridge has seen, so
 * setting the clock back does not bring an expired licence back; it is reported as a warning.
 */
final class LicenceEvaluator {

    /** Clocks drift and get corrected by NTP: only a larger step back counts as set back. */
    static final Duration CLOCK_TOLERANCE = Duration.ofHours(2);
    /** Warn this many days before expiry. */
    static final int WARN_DAYS = 14;

    private LicenceEvaluator() {
    }

    /** Fails with the reason when the licence is not the vendor's or not for this machine. */
    static void verify(SignedLicence signed, PublicKey vendor, MachineFingerprint machine, String source)
            throws UploadBridgeException {
        if (!Ed25519Keys.verify(vendor, LicenceCodec.signedBytes(signed.licence()), signed.signature())) {
            throw new UploadBridgeException(LicenceError.SIGNATURE_INVALID, source);
        }
        Optional<MachineBinding> binding = signed.licence().machine();
        if (binding.isPresent()) {
            List<String> differ = binding.get().differences(machine);
            if (differ.size() > binding.get().tolerance()) {
                throw new UploadBridgeException(LicenceError.WRONG_MACHINE, differ.size(), binding.get().factors().size(),
                        String.join(", ", differ), binding.get().tolerance());
            }
        }
    }

    /** The state of a verified licence at {@code now}, given the latest time seen before. */
    static LicenceState evaluate(Licence licence, Instant now, Instant lastSeen) {
        List<String> warnings = new ArrayList<>();
        Instant effective = now;
        if (now.isBefore(lastSeen.minus(CLOCK_TOLERANCE))) {
            effective = lastSeen;
            warnings.add("The computer's clock (" + now.truncatedTo(ChronoUnit.MINUTES) + ") is behind a time Upload Bridge has"
                    + " already seen (" + lastSeen.truncatedTo(ChronoUnit.MINUTES) + "); the licence is checked against that time.");
        }
        Instant issued = licence.issued().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (effective.isBefore(issued.minus(Duration.ofDays(1)))) {
            warnings.add("The computer's clock (" + now.truncatedTo(ChronoUnit.MINUTES) + ") is before the licence was issued ("
                    + licence.issued() + "); the licence is checked against its issue date.");
            effective = issued;
        }
        LocalDate today = LocalDate.ofInstant(effective, ZoneOffset.UTC);
        if (licence.expires().isEmpty()) {
            return applies(licence, LicenceStatus.VALID, Optional.empty(), warnings);
        }
        LocalDate expires = licence.expires().get();
        LocalDate graceEnds = expires.plusDays(licence.graceDays());
        if (!today.isAfter(expires)) {
            long left = ChronoUnit.DAYS.between(today, expires);
            if (left <= WARN_DAYS) {
                warnings.add("The licence expires on " + expires + " (" + left + " day(s) left); renew it with your vendor.");
            }
            return applies(licence, LicenceStatus.VALID, Optional.of(graceEnds), warnings);
        }
        if (!today.isAfter(graceEnds)) {
            warnings.add("The licence expired on " + expires + "; it keeps working until " + graceEnds
                    + " (grace period). Renew it with your vendor.");
            return applies(licence, LicenceStatus.GRACE, Optional.of(graceEnds), warnings);
        }
        UploadBridgeException expired = new UploadBridgeException(LicenceError.EXPIRED, expires, licence.graceDays(), graceEnds);
        return new LicenceState(LicenceStatus.EXPIRED, Optional.of(licence), LicenceState.FREE_EDITION, Entitlements.free(),
                Optional.of(graceEnds), warnings, Optional.of(expired));
    }

    private static LicenceState applies(Licence licence, LicenceStatus status, Optional<LocalDate> graceEnds, List<String> warnings) {
        return new LicenceState(status, Optional.of(licence), licence.edition(), licence.entitlements(), graceEnds, warnings,
                Optional.empty());
    }
}
