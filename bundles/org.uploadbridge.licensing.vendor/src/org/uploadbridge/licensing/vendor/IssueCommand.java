package org.uploadbridge.licensing.vendor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.MachineBinding;
import org.uploadbridge.licensing.MachineFingerprint;
import org.uploadbridge.licensing.internal.LicenceCodec;

/** {@code issue ...}: a licence signed with the vendor's private key, written as a new file. */
final class IssueCommand {

    static final String USAGE = "issue --key FILE --id ID --licensee NAME --edition NAME --out FILE [--max-devices N]"
            + " [--fleet] [--firmware-update] [--third-party-firmware] [--expires YYYY-MM-DD] [--grace-days N (default 30)]"
            + " [--issued YYYY-MM-DD (default today, UTC)] [--fingerprint TEXT|@FILE] [--required K]";
    static final int DEFAULT_GRACE_DAYS = 30;
    private static final Set<String> VALUES = Set.of("--key", "--id", "--licensee", "--edition", "--out", "--max-devices", "--expires",
            "--grace-days", "--issued", "--fingerprint", "--required");

    private IssueCommand() {
    }

    /** The flag of an entitlement: its key in the licence file, with dashes, e.g. {@code --firmware-update}. */
    static String flag(Entitlement entitlement) {
        return "--" + entitlement.key().replace('_', '-');
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Set<String> flags = new HashSet<>();
        for (Entitlement e : Entitlement.values()) {
            flags.add(flag(e));
        }
        Arguments a = Arguments.parse("issue", args, VALUES, flags);
        a.operands();
        PrivateKey key = KeyFiles.privateKey(Path.of(a.required("--key")));
        Path target = Path.of(a.required("--out"));
        NewFiles.refuseExisting(target, "a licence already sent must stay as it was issued");
        Licence licence = licence(a);
        byte[] file = LicenceCodec.issue(licence, key);
        NewFiles.write(target, file, NewFiles.READABLE, "a licence already sent must stay as it was issued");
        out.println("Issued " + target + ":");
        ShowCommand.describe(licence, out);
        out.println("Send the file as it is; any changed byte invalidates it.");
        return VendorTool.OK;
    }

    private static Licence licence(Arguments a) throws UsageException {
        OptionalInt maxDevices = a.integer("--max-devices", 1, Integer.MAX_VALUE).map(OptionalInt::of).orElse(OptionalInt.empty());
        Set<Entitlement> features = EnumSet.noneOf(Entitlement.class);
        for (Entitlement e : Entitlement.values()) {
            if (a.flag(flag(e))) {
                features.add(e);
            }
        }
        int grace = a.integer("--grace-days", 0, 3650).orElse(DEFAULT_GRACE_DAYS);
        LocalDate issued = a.date("--issued").orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
        Optional<LocalDate> expires = a.date("--expires");
        if (expires.isPresent() && expires.get().isBefore(issued)) {
            throw new UsageException("--expires " + expires.get() + " is before the issue date " + issued
                    + ": give a later expiry, or leave --expires out for a licence that does not expire.");
        }
        return new Licence(a.required("--id"), a.required("--licensee"), a.required("--edition"),
                new Entitlements(maxDevices, features), issued, expires, grace, machine(a));
    }

    private static Optional<MachineBinding> machine(Arguments a) throws UsageException {
        Optional<String> given = a.value("--fingerprint");
        Optional<Integer> required = a.integer("--required", 1, Integer.MAX_VALUE);
        if (given.isEmpty()) {
            if (required.isPresent()) {
                throw new UsageException("--required counts fingerprint factors: give --fingerprint too, or leave --required out.");
            }
            return Optional.empty();
        }
        MachineFingerprint fingerprint = fingerprint(given.get());
        if (required.isEmpty()) {
            return Optional.of(MachineBinding.tolerantOf(fingerprint));
        }
        int factors = fingerprint.factors().size();
        if (required.get() > factors) {
            throw new UsageException("--required " + required.get() + " is more than the " + factors
                    + " factors of the fingerprint: give 1 to " + factors + ".");
        }
        return Optional.of(new MachineBinding(fingerprint.factors(), required.get()));
    }

    /** The fingerprint text, or the content of the file named after an {@code @}. */
    private static MachineFingerprint fingerprint(String given) throws UsageException {
        String what = "a machine fingerprint (the ubfp1:... line from Help > Licence or `license fingerprint`)";
        if (given.startsWith("@")) {
            return KeyFiles.parsed(Path.of(given.substring(1)), MachineFingerprint::parse, what);
        }
        try {
            return MachineFingerprint.parse(given);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fingerprint is not " + what + ": " + e.getMessage() + ".", e);
        }
    }
}
