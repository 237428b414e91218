package org.uploadbridge.validation.internal;

import java.util.Optional;

/** Strict IPv6 text to bytes and back (RFC 4291 syntax, RFC 5952 output), without DNS. */
final class Ipv6 {

    private Ipv6() {
    }

    /**
     * The 16 bytes of {@code text}: up to eight groups of 1-4 hex digits, at most one {@code ::},
     * optionally ending in a strict dotted quad. No zone, no brackets.
     */
    static Optional<byte[]> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        int[] groups = new int[8];
        int count;
        if (doubleColon < 0) {
            count = parseGroups(text, groups, 0, true);
            return count == 8 ? Optional.of(toBytes(groups)) : Optional.empty();
        }
        String head = text.substring(0, doubleColon);
        String tail = text.substring(doubleColon + 2);
        int[] tailGroups = new int[8];
        int headCount = head.isEmpty() ? 0 : parseGroups(head, groups, 0, false);
        int tailCount = tail.isEmpty() ? 0 : parseGroups(tail, tailGroups, 0, true);
        if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
            return Optional.empty();
        }
        System.arraycopy(tailGroups, 0, groups, 8 - tailCount, tailCount);
        return Optional.of(toBytes(groups));
    }

    /**
     * Parses colon-separated groups into {@code out} from {@code offset}; the last may be a dotted
     * quad (two groups) when {@code ipv4Allowed}. Returns the number of groups, or -1.
     */
    private static int parseGroups(String text, int[] out, int offset, boolean ipv4Allowed) {
        String[] parts = text.split(":", -1);
        int n = offset;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (last && ipv4Allowed && part.indexOf('.') >= 0) {
                long bits = Ipv4.parseStrict(part);
                if (bits < 0 || n + 2 > 8) {
                    return -1;
                }
                out[n++] = (int) (bits >>> 16);
                out[n++] = (int) (bits & 0xFFFF);
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || n >= 8) {
                return -1;
            }
            int value = 0;
            for (int c = 0; c < part.length(); c++) {
                int digit = Character.digit(part.charAt(c), 16);
                if (digit < 0 || part.charAt(c) > 'f') {
                    return -1;
                }
                value = value << 4 | digit;
            }
            out[n++] = value;
        }
        return n - offset;
    }

    private static byte[] toBytes(int[] groups) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >>> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        return bytes;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (>= 2) of zero groups as ::. */
    static String toText(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    static boolean isLinkLocal(byte[] bytes) {
        return (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xC0) == 0x80;
    }

    /** {@code ::ffff:0:0/96}. */
    static boolean isIpv4Mapped(byte[] bytes) {
        return zeros(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }

    /** The IPv4 address in the last 32 bits. */
    static int embeddedIpv4(byte[] bytes) {
        return (bytes[12] & 0xFF) << 24 | (bytes[13] & 0xFF) << 16 | (bytes[14] & 0xFF) << 8 | bytes[15] & 0xFF;
    }

    static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
