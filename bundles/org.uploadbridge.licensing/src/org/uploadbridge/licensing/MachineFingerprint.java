package org.uploadbridge.licensing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A machine's identity for licences: each factor (host name, OS machine id, network adapters,
 * CPU, board) hashed on its own, so the vendor learns nothing readable and a licence can tolerate
 * one factor changing. {@link #text()} is what a user copies into an activation request.
 *
 * @param factors hashed values (32 hex digits) by factor name
 */
public record MachineFingerprint(SortedMap<String, String> factors) {

    /** The prefix of the text form, with its version. */
    public static final String PREFIX = "ubfp1:";
    private static final Pattern NAME = Pattern.compile("[a-z_]{1,32}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}");

    public MachineFingerprint {
        factors = new TreeMap<>(factors);
        factors.forEach((name, hash) -> {
            if (!NAME.matcher(name).matches() || !HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException("not a fingerprint factor: " + name + "=" + hash);
            }
        });
    }

    /** The fingerprint of raw factor values (e.g. {@code host -> "studio-pc"}); blank values are left out. */
    public static MachineFingerprint ofRaw(Map<String, String> rawFactors) {
        SortedMap<String, String> hashed = new TreeMap<>();
        rawFactors.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                hashed.put(name, hash(name, value.strip()));
            }
        });
        return new MachineFingerprint(hashed);
    }

    /** One line to copy: {@code ubfp1:board=...,cpu=...,host=...}. */
    public String text() {
        return PREFIX + factors.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /**
     * Reads {@link #text()} back (surrounding white space ignored).
     *
     * @throws IllegalArgumentException when it is not a fingerprint
     */
    public static MachineFingerprint parse(String text) {
        String t = text.strip();
        if (!t.startsWith(PREFIX) || t.length() == PREFIX.length()) {
            throw new IllegalArgumentException("a fingerprint starts with " + PREFIX + " and lists factors");
        }
        SortedMap<String, String> factors = new TreeMap<>();
        for (String pair : t.substring(PREFIX.length()).split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 1 || factors.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("not a factor of a fingerprint: " + pair);
            }
        }
        return new MachineFingerprint(factors);
    }

    private static String hash(String name, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("upload-bridge/fingerprint/v1/" + name + "=" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
