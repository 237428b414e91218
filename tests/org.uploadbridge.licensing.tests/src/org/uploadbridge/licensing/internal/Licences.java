package org.uploadbridge.licensing.internal;

import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.MachineBinding;
import org.uploadbridge.licensing.MachineFingerprint;

/** Test machines and licences: a vendor key made for the test run, and a studio licence for a known machine. */
final class Licences {

    static final KeyPair VENDOR = Ed25519Keys.generate();
    static final Map<String, String> STUDIO_PC = Map.of("host", "studio-pc", "machine_id", "4c4c4544-0042-3510-8052-b4c04f4e3732",
            "mac", "3c:52:82:11:22:33", "cpu", "Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz x12", "board", "Dell Inc.|OptiPlex 7060|Dell Inc.|0C96W1");
    static final MachineFingerprint STUDIO_FINGERPRINT = MachineFingerprint.ofRaw(STUDIO_PC);

    private Licences() {
    }

    static Licence studio(LocalDate issued, Optional<LocalDate> expires, int graceDays) {
        return new Licence("UB-2026-0042", "Lumen Lighting Studio", "studio",
                new Entitlements(OptionalInt.of(200), Set.of(Entitlement.FLEET, Entitlement.FIRMWARE_UPDATE)), issued, expires,
                graceDays, Optional.of(MachineBinding.tolerantOf(STUDIO_FINGERPRINT)));
    }

    static Licence studio() {
        return studio(LocalDate.of(2026, 11, 1), Optional.of(LocalDate.of(2027, 10, 31)), 30);
    }

    static byte[] signed(Licence licence) {
        return LicenceCodec.issue(licence, VENDOR.getPrivate());
    }

    /** The studio PC with {@code changed} factors given other values. */
    static MachineFingerprint studioPcWithChanged(String... changed) {
        Map<String, String> raw = new java.util.TreeMap<>(STUDIO_PC);
        for (String factor : changed) {
            raw.put(factor, raw.get(factor) + "-changed");
        }
        return MachineFingerprint.ofRaw(raw);
    }
}
