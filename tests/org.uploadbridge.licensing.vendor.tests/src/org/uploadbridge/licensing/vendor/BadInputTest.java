package org.uploadbridge.licensing.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or bad argument exits 2 with a message that names it and says what to give, and writes nothing. */
class BadInputTest {

    @TempDir
    Path dir;
    Path key;
    Path out;

    @BeforeEach
    void keys() {
        assertEquals(VendorTool.OK, ToolRun.of("keygen", "--out", dir.toString()).exit());
        key = dir.resolve("vendor.key");
        out = dir.resolve("licence.json");
    }

    @Test
    void aMissingLicenseeIsNamed() {
        assertNothingIssued(issueWithout("--licensee"), "issue needs --licensee, e.g. --licensee");
    }

    @Test
    void aMalformedDateIsNamedWithTheFormToGive() {
        assertNothingIssued(issue("--expires", "2027-13-01"), "--expires 2027-13-01 is not a date: give YYYY-MM-DD");
        assertNothingIssued(issue("--issued", "1.11.2026"), "--issued 1.11.2026 is not a date");
    }

    @Test
    void anExpiryBeforeTheIssueDateIsRefused() {
        assertNothingIssued(issue("--issued", "2026-11-01", "--expires", "2026-10-31"), "--expires 2026-10-31 is before the issue date 2026-11-01");
    }

    @Test
    void anExistingOutputFileIsNeverOverwritten() throws Exception {
        Files.writeString(out, "the licence sent last week");

        assertRefused(issue(), out + " already exists and is never overwritten");
        assertEquals("the licence sent last week", Files.readString(out));
    }

    @Test
    void aKeyFileThatIsNotAPrivateKeyIsNamed() throws Exception {
        key = dir.resolve("vendor.pub");
        assertNothingIssued(issue(), key + " is not a vendor private key (the vendor.key written by `licence-tool keygen`)");
        key = Files.writeString(dir.resolve("notes.txt"), "not a key at all");
        assertNothingIssued(issue(), key + " is not a vendor private key");
        key = dir.resolve("missing.key");
        assertNothingIssued(issue(), key + " does not exist or is not a file");
    }

    @Test
    void numbersOutOfRangeAndBadFingerprintsAreNamed() {
        assertNothingIssued(issue("--max-devices", "0"), "--max-devices 0 is out of range");
        assertNothingIssued(issue("--grace-days", "thirty"), "--grace-days thirty is not a whole number");
        assertNothingIssued(issue("--fingerprint", "host=abc"), "--fingerprint is not a machine fingerprint");
        assertNothingIssued(issue("--required", "2"), "--required counts fingerprint factors: give --fingerprint too");
        assertNothingIssued(issue("--fingerprint", "ubfp1:host=0123456789abcdef0123456789abcdef", "--required", "2"),
                "--required 2 is more than the 1 factors of the fingerprint");
    }

    @Test
    void unknownRepeatedOrValuelessOptionsAreNamed() {
        assertNothingIssued(issue("--flet"), "issue has no option --flet; its options are");
        assertNothingIssued(issue("--fleet", "--fleet"), "--fleet is given twice");
        assertRefused(ToolRun.of("issue", "--key"), "--key needs a value");
        assertRefused(ToolRun.of("keygen"), "keygen needs --out");
        assertRefused(ToolRun.of("show"), "show takes FILE besides its options, but was given none");
        assertRefused(ToolRun.of("sign", "x"), "there is no command sign");
        assertRefused(ToolRun.of(), "give a command");
    }

    @Test
    void showRefusesAFileThatIsNotALicence() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.json"), "{\"hello\":1}");
        assertRefused(ToolRun.of("show", notes.toString()), notes + " is not a licence file");
    }

    /** {@code issue} with a complete set of arguments and {@code extra} ones after them. */
    private ToolRun issue(String... extra) {
        return issueWithout("", extra);
    }

    /** {@code issue} without {@code option} and its value. */
    private ToolRun issueWithout(String option, String... extra) {
        List<String> args = new ArrayList<>(List.of("issue", "--key", key.toString(), "--id", "UB-1", "--licensee", "Lumen",
                "--edition", "studio", "--out", out.toString()));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.subList(at, at + 2).clear();
        }
        args.addAll(List.of(extra));
        return ToolRun.of(args.toArray(String[]::new));
    }

    private void assertNothingIssued(ToolRun run, String message) {
        assertRefused(run, message);
        assertFalse(Files.exists(out), "no licence was written");
    }

    private void assertRefused(ToolRun run, String message) {
        assertEquals(VendorTool.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains(message), "'" + message + "' in " + run.err());
        assertTrue(run.err().contains("usage: licence-tool"), run.err());
        assertFalse(run.out().contains("Issued"), run.out());
    }
}
