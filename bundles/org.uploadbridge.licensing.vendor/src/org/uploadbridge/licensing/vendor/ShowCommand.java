package org.uploadbridge.licensing.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.MachineBinding;
import org.uploadbridge.licensing.internal.Ed25519Keys;
import org.uploadbridge.licensing.internal.LicenceCodec;
import org.uploadbridge.licensing.internal.LicenceCodec.MalformedLicenceException;
import org.uploadbridge.licensing.internal.LicenceCodec.NotCanonicalException;
import org.uploadbridge.licensing.internal.LicenceCodec.SignedLicence;

/** {@code show FILE [--public-key FILE]}: a licence's fields and whether its signature verifies. */
final class ShowCommand {

    static final String USAGE = "show FILE [--public-key FILE (default: the key built into the product)]";
    /** The public key the licensing bundle ships, at the root of its jar. */
    private static final String SHIPPED_KEY = "/vendor-public-key.txt";

    private ShowCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Arguments a = Arguments.parse("show", args, Set.of("--public-key"), Set.of());
        Path file = Path.of(a.operands("FILE").get(0));
        Optional<Path> keyFile = a.value("--public-key").map(Path::of);
        PublicKey key = keyFile.isPresent() ? KeyFiles.publicKey(keyFile.get()) : shippedKey();
        String against = keyFile.map(Path::toString).orElse("the key built into the product");
        SignedLicence signed;
        try {
            signed = LicenceCodec.read(KeyFiles.bytes(file, "a licence file"));
        } catch (MalformedLicenceException e) {
            throw new UsageException(file + " is not a licence file: " + e.getMessage() + ".", e);
        } catch (NotCanonicalException e) {
            out.println(file + ": INVALID: " + e.getMessage() + ", so it was changed after it was issued.");
            return VendorTool.INVALID;
        }
        out.println(file + ":");
        describe(signed.licence(), out);
        if (Ed25519Keys.verify(key, LicenceCodec.signedBytes(signed.licence()), signed.signature())) {
            out.println("  signature:   verifies against " + against);
            return VendorTool.OK;
        }
        out.println("  signature:   INVALID: does not verify against " + against
                + (keyFile.isEmpty() ? " (give --public-key FILE for your own key)" : ""));
        return VendorTool.INVALID;
    }

    /** The licence's fields, one a line. */
    static void describe(Licence licence, PrintStream out) {
        out.println("  id:          " + licence.id());
        out.println("  licensee:    " + licence.licensee());
        out.println("  edition:     " + licence.edition());
        out.println("  devices:     " + licence.entitlements().maxDevices().stream().mapToObj(n -> "up to " + n).findFirst().orElse("no limit"));
        String features = Arrays.stream(Entitlement.values()).filter(licence.entitlements()::includes).map(Entitlement::label)
                .collect(Collectors.joining(", "));
        out.println("  features:    " + (features.isEmpty() ? "none" : features));
        out.println("  issued:      " + licence.issued());
        out.println("  expires:     " + licence.expires().map(d -> d + ", then " + licence.graceDays() + " day(s) of grace until "
                + d.plusDays(licence.graceDays())).orElse("never"));
        out.println("  machine:     " + licence.machine().map(ShowCommand::binding).orElse("any"));
    }

    private static String binding(MachineBinding m) {
        return m.required() + " of " + m.factors().size() + " factors must match (" + String.join(", ", m.factors().keySet()) + ")";
    }

    private static PublicKey shippedKey() throws IOException {
        // LicenceCodec's class loader is the licensing bundle's (or the class path), where the key is.
        try (InputStream in = LicenceCodec.class.getResourceAsStream(SHIPPED_KEY)) {
            if (in == null) {
                throw new IOException("the licensing jar lacks " + SHIPPED_KEY + ": give --public-key FILE");
            }
            return Ed25519Keys.publicKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
