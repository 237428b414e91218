package org.uploadbridge.firmware.classic.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The SHA-256 of the bytes of an upload, taken as they are sent, so the receipt says exactly what
 * went out (and the file is read once, not once more for the hash).
 */
final class Sha256 implements Consumer<ByteBuffer> {

    private final MessageDigest digest;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void accept(ByteBuffer bytes) {
        digest.update(bytes);
    }

    /** Lower-case hex of everything accepted so far; ends this digest. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
