package org.uploadbridge.licensing.vendor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.Function;

import org.uploadbridge.licensing.internal.Ed25519Keys;

/** Reads the text files the tool takes: keys, fingerprints, licences. A file that is not what it should be is a {@link UsageException}. */
final class KeyFiles {

    /** Keys and fingerprints are a line; licences a few hundred bytes. More is not one of them. */
    static final int MAX_BYTES = 64 * 1024;

    private KeyFiles() {
    }

    static PrivateKey privateKey(Path file) throws UsageException {
        return parsed(file, Ed25519Keys::privateKey, "a vendor private key (the vendor.key written by `licence-tool keygen`)");
    }

    static PublicKey publicKey(Path file) throws UsageException {
        return parsed(file, Ed25519Keys::publicKey, "a vendor public key (the vendor.pub written by `licence-tool keygen`)");
    }

    static byte[] bytes(Path file, String what) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " does not exist or is not a file: give the path of " + what + ".");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException(file + " is larger than " + MAX_BYTES / 1024 + " KB, so it is not " + what + ".");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException(file + " cannot be read (" + e.getMessage() + "): check its permissions.", e);
        }
    }

    /** {@code file}'s text read by {@code parser}, which throws IllegalArgumentException for what it does not accept. */
    static <T> T parsed(Path file, Function<String, T> parser, String what) throws UsageException {
        String text = new String(bytes(file, what), StandardCharsets.UTF_8);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + " is not " + what + ": " + e.getMessage() + ".", e);
        }
    }
}
