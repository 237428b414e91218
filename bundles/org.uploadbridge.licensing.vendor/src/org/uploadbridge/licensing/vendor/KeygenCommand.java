package org.uploadbridge.licensing.vendor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;

import org.uploadbridge.licensing.internal.Ed25519Keys;

/** {@code keygen --out DIR}: the vendor's key pair, as Base64 text files. */
final class KeygenCommand {

    static final String PRIVATE_KEY = "vendor.key";
    static final String PUBLIC_KEY = "vendor.pub";
    static final String USAGE = "keygen --out DIR";
    private static final String WHY = "a new key pair would orphan every licence signed with the old one";

    private KeygenCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Arguments arguments = Arguments.parse("keygen", args, Set.of("--out"), Set.of());
        arguments.operands();
        Path dir = Path.of(arguments.required("--out"));
        Path privateKey = dir.resolve(PRIVATE_KEY);
        Path publicKey = dir.resolve(PUBLIC_KEY);
        // Both checked before either is written: never half a new pair beside half an old one.
        NewFiles.refuseExisting(privateKey, WHY);
        NewFiles.refuseExisting(publicKey, WHY);
        Files.createDirectories(dir);
        KeyPair pair = Ed25519Keys.generate();
        NewFiles.write(privateKey, line(Ed25519Keys.text(pair.getPrivate())), NewFiles.OWNER_ONLY, WHY);
        NewFiles.write(publicKey, line(Ed25519Keys.text(pair.getPublic())), NewFiles.READABLE, WHY);
        out.println("Private key: " + privateKey + " (readable by you only). Keep it offline and backed up; never ship it.");
        out.println("Public key:  " + publicKey + " (goes into the product, see docs/licensing.md):");
        out.println("  " + Ed25519Keys.text(pair.getPublic()));
        return VendorTool.OK;
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
