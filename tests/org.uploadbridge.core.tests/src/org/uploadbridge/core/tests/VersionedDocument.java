package org.uploadbridge.core.tests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.uploadbridge.core.io.InvalidContentException;

/**
 * A self-checking document for crash tests: a header line with its version, payload size and the
 * payload's SHA-256, then the payload (4 KB to 300 KB, different for every version), so a torn,
 * truncated or mixed file never parses. Used by the child JVM too: JDK and core only.
 */
final class VersionedDocument {

    private static final int MIN_PAYLOAD = 4 * 1024;
    private static final int MAX_PAYLOAD = 300 * 1024;

    private VersionedDocument() {
    }

    static byte[] of(int version) {
        Random random = new Random(version);
        byte[] payload = new byte[MIN_PAYLOAD + random.nextInt(MAX_PAYLOAD - MIN_PAYLOAD)];
        random.nextBytes(payload);
        byte[] header = ("version=" + version + " size=" + payload.length + " sha256=" + sha256(payload) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] document = new byte[header.length + payload.length];
        System.arraycopy(header, 0, document, 0, header.length);
        System.arraycopy(payload, 0, document, header.length, payload.length);
        return document;
    }

    /** The document's version, once its size and checksum match. */
    static int parse(byte[] document) throws InvalidContentException {
        int end = 0;
        while (end < document.length && end < 200 && document[end] != '\n') {
            end++;
        }
        if (end == document.length || document[end] != '\n') {
            throw new InvalidContentException("no header line in " + document.length + " bytes");
        }
        String[] fields = new String(document, 0, end, StandardCharsets.US_ASCII).split(" ");
        try {
            int version = Integer.parseInt(fields[0].substring("version=".length()));
            int size = Integer.parseInt(fields[1].substring("size=".length()));
            byte[] payload = new byte[document.length - end - 1];
            System.arraycopy(document, end + 1, payload, 0, payload.length);
            if (payload.length != size || !fields[2].equals("sha256=" + sha256(payload))) {
                throw new InvalidContentException("version " + version + " is torn: " + payload.length + " of " + size
                        + " bytes, or a wrong checksum");
            }
            return version;
        } catch (NumberFormatException | IndexOutOfBoundsException badHeader) {
            throw new InvalidContentException("bad header: " + badHeader.getMessage(), badHeader);
        }
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
