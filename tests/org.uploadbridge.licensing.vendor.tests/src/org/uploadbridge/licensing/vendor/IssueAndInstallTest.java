package org.uploadbridge.licensing.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.LicenceState;
import org.uploadbridge.licensing.LicenceStatus;
import org.uploadbridge.licensing.MachineFingerprint;
import org.uploadbridge.licensing.internal.Ed25519Keys;
import org.uploadbridge.licensing.internal.FileLicenceService;

/** What the vendor issues is what the product accepts: keygen, issue for a customer's machine, install. */
class IssueAndInstallTest {

    static final Map<String, String> CUSTOMER_PC = Map.of("host", "render-01", "machine_id", "9f1c2d3e-aaaa-4bbb-8ccc-0123456789ab",
            "mac", "3c:52:82:aa:bb:cc", "cpu", "AMD Ryzen 9 7950X x32", "board", "ASUSTeK|ProArt X670E|ASUSTeK|Rev 1.xx");
    static final Clock JANUARY_2027 = Clock.fixed(Instant.parse("2027-01-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void keygenWritesAKeyPairWhosePrivateHalfOnlyTheOwnerCanRead() throws Exception {
        ToolRun run = ToolRun.of("keygen", "--out", dir.resolve("keys").toString());

        assertEquals(VendorTool.OK, run.exit(), run.toString());
        Path key = dir.resolve("keys/vendor.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/vendor.pub"))));
        byte[] message = "a licence".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519Keys.sign(Ed25519Keys.privateKey(Files.readString(key)), message);
        assertTrue(Ed25519Keys.verify(vendorKey(dir.resolve("keys")), message, signature), "the two files are one pair");
        assertTrue(run.out().contains(Files.readString(dir.resolve("keys/vendor.pub")).strip()), "prints the public key to ship");
    }

    @Test
    void keygenNeverOverwritesAKey() throws Exception {
        Path keys = dir.resolve("keys");
        ToolRun.of("keygen", "--out", keys.toString());
        String before = Files.readString(keys.resolve("vendor.key"));

        ToolRun again = ToolRun.of("keygen", "--out", keys.toString());

        assertEquals(VendorTool.USAGE, again.exit(), again.toString());
        assertTrue(again.err().contains("vendor.key already exists and is never overwritten"), again.err());
        assertEquals(before, Files.readString(keys.resolve("vendor.key")));
    }

    @Test
    void theProductAcceptsTheIssuedLicenceOnTheCustomersMachineWithItsEntitlements() throws Exception {
        Path keys = keys();
        Path fingerprint = Files.writeString(dir.resolve("fingerprint.txt"), MachineFingerprint.ofRaw(CUSTOMER_PC).text() + "\n");
        Path licence = dir.resolve("render-01.json");

        ToolRun issue = ToolRun.of("issue", "--key", keys.resolve("vendor.key").toString(), "--id", "UB-2026-0107", "--licensee",
                "Lumen Lighting Studio", "--edition", "studio", "--max-devices", "200", "--fleet", "--firmware-update",
                "--issued", "2026-11-01", "--expires", "2027-10-31", "--fingerprint", "@" + fingerprint, "--out", licence.toString());

        assertEquals(VendorTool.OK, issue.exit(), issue.toString());
        assertTrue(issue.out().contains("4 of 5 factors must match"), issue.out());
        LicenceState state = service(keys, MachineFingerprint.ofRaw(CUSTOMER_PC)).install(licence);
        assertEquals(LicenceStatus.VALID, state.status(), state.toString());
        assertEquals("studio", state.edition());
        assertEquals("Lumen Lighting Studio", state.licence().orElseThrow().licensee());
        assertEquals(OptionalInt.of(200), state.entitlements().maxDevices());
        assertTrue(state.entitlements().includes(Entitlement.FLEET));
        assertTrue(state.entitlements().includes(Entitlement.FIRMWARE_UPDATE));
        assertFalse(state.entitlements().includes(Entitlement.THIRD_PARTY_FIRMWARE));
        assertEquals(LocalDate.of(2027, 11, 30), state.graceEnds().orElseThrow(), "the default grace is 30 days");
    }

    @Test
    void requiredAllFactorsRefusesTheCustomersMachineOnceOneFactorChanged() throws Exception {
        Path keys = keys();
        Path licence = dir.resolve("strict.json");
        ToolRun issue = ToolRun.of("issue", "--key", keys.resolve("vendor.key").toString(), "--id", "UB-2026-0108", "--licensee",
                "Lumen", "--edition", "studio", "--fingerprint", MachineFingerprint.ofRaw(CUSTOMER_PC).text(), "--required", "5",
                "--out", licence.toString());
        assertEquals(VendorTool.OK, issue.exit(), issue.toString());
        Map<String, String> renamed = new TreeMap<>(CUSTOMER_PC);
        renamed.put("host", "render-02");

        UploadBridgeException refused = assertThrows(UploadBridgeException.class,
                () -> service(keys, MachineFingerprint.ofRaw(renamed)).install(licence));

        assertEquals(LicenceError.WRONG_MACHINE, refused.code());
        assertEquals(LicenceStatus.VALID, service(keys, MachineFingerprint.ofRaw(CUSTOMER_PC)).install(licence).status());
    }

    @Test
    void showPrintsTheFieldsAndWhetherTheSignatureVerifies() throws Exception {
        Path keys = keys();
        Path licence = dir.resolve("any-machine.json");
        ToolRun.of("issue", "--key", keys.resolve("vendor.key").toString(), "--id", "UB-2026-0109", "--licensee", "Lumen",
                "--edition", "fleet", "--third-party-firmware", "--issued", "2026-11-01", "--out", licence.toString());

        ToolRun ours = ToolRun.of("show", licence.toString(), "--public-key", keys.resolve("vendor.pub").toString());
        ToolRun.of("keygen", "--out", dir.resolve("other").toString());
        ToolRun others = ToolRun.of("show", licence.toString(), "--public-key", dir.resolve("other/vendor.pub").toString());
        ToolRun shipped = ToolRun.of("show", licence.toString());

        assertEquals(VendorTool.OK, ours.exit(), ours.toString());
        for (String field : new String[] {"UB-2026-0109", "Lumen", "fleet", "no limit", "third-party firmware", "2026-11-01", "never",
                "machine:     any", "verifies against"}) {
            assertTrue(ours.out().contains(field), field + " in " + ours.out());
        }
        assertEquals(VendorTool.INVALID, others.exit(), others.toString());
        assertTrue(others.out().contains("INVALID: does not verify"), others.out());
        assertEquals(VendorTool.INVALID, shipped.exit(), "a test key is not the product's: " + shipped);
        assertTrue(shipped.out().contains("the key built into the product"), shipped.out());
    }

    @Test
    void showSaysAnEditedLicenceWasChanged() throws Exception {
        Path keys = keys();
        Path licence = dir.resolve("edited.json");
        ToolRun.of("issue", "--key", keys.resolve("vendor.key").toString(), "--id", "UB-1", "--licensee", "Lumen", "--edition",
                "studio", "--out", licence.toString());
        Files.writeString(licence, Files.readString(licence).replace("{\"edition\"", "{ \"edition\""));

        ToolRun show = ToolRun.of("show", licence.toString(), "--public-key", keys.resolve("vendor.pub").toString());

        assertEquals(VendorTool.INVALID, show.exit(), show.toString());
        assertTrue(show.out().contains("changed after it was issued"), show.out());
    }

    private Path keys() {
        Path keys = dir.resolve("keys");
        ToolRun keygen = ToolRun.of("keygen", "--out", keys.toString());
        assertEquals(VendorTool.OK, keygen.exit(), keygen.toString());
        return keys;
    }

    private static PublicKey vendorKey(Path keys) throws Exception {
        return Ed25519Keys.publicKey(Files.readString(keys.resolve("vendor.pub")));
    }

    private FileLicenceService service(Path keys, MachineFingerprint machine) throws Exception {
        return new FileLicenceService(Files.createTempDirectory(dir, "workspace"), vendorKey(keys), () -> machine, JANUARY_2027);
    }
}
