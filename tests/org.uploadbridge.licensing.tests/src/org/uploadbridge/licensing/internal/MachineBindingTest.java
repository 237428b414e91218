package org.uploadbridge.licensing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.MachineFingerprint;
import org.uploadbridge.licensing.internal.LicenceCodec.SignedLicence;

/** A licence bound to a machine works there with one changed factor, not with two, and says why. */
class MachineBindingTest {

    private final SignedLicence studio = read(Licences.signed(Licences.studio()));

    @Test
    void oneChangedFactorStillPasses() throws Exception {
        LicenceEvaluator.verify(studio, Licences.VENDOR.getPublic(), Licences.studioPcWithChanged("mac"), "licence.json");
        LicenceEvaluator.verify(studio, Licences.VENDOR.getPublic(), Licences.studioPcWithChanged("host"), "licence.json");
    }

    @Test
    void twoChangedFactorsDoNotAndTheReasonNamesThem() {
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> LicenceEvaluator.verify(studio,
                Licences.VENDOR.getPublic(), Licences.studioPcWithChanged("mac", "host"), "licence.json"));
        assertEquals(LicenceError.WRONG_MACHINE, e.code());
        assertTrue(e.getMessage().contains("2 of the 5 machine factors in the licence differ on this computer (host, mac); at most 1 may"),
                e.getMessage());
    }

    @Test
    void anotherMachineIsRefusedAndAMissingFactorCountsAsChanged() {
        MachineFingerprint otherPc = MachineFingerprint.ofRaw(Map.of("host", "laptop", "machine_id", "0123", "mac", "aa:bb:cc:dd:ee:ff",
                "cpu", "Apple M2 x8"));
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> LicenceEvaluator.verify(studio, Licences.VENDOR.getPublic(), otherPc, "licence.json"));
        assertTrue(e.getMessage().contains("5 of the 5"), e.getMessage());
    }

    @Test
    void theFingerprintTextRoundTripsAndHidesTheRawValues() {
        String text = Licences.STUDIO_FINGERPRINT.text();
        assertTrue(text.startsWith("ubfp1:board="), text);
        assertTrue(!text.contains("studio-pc") && !text.contains("3c:52"), "hashed: " + text);
        assertEquals(Licences.STUDIO_FINGERPRINT, MachineFingerprint.parse("  " + text + "\n"));
        assertThrows(IllegalArgumentException.class, () -> MachineFingerprint.parse("ubfp1:host=nothex"));
    }

    @Test
    void thisMachineHasAFingerprint() {
        MachineFingerprint here = HostFactors.fingerprint();
        assertTrue(here.factors().containsKey("cpu"), here.text());
        assertTrue(here.factors().size() >= 2, "at least two factors on any machine: " + here.text());
    }

    private static SignedLicence read(byte[] file) {
        try {
            return LicenceCodec.read(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
