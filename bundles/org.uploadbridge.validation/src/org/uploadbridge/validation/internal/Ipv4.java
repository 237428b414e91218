package org.uploadbridge.validation.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 addresses as 32-bit ints (compare unsigned), for range arithmetic without objects. */
public final class Ipv4 {

    private Ipv4() {
    }

    public static int toInt(byte[] bytes) {
        if (bytes.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + bytes.length);
        }
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
    }

    public static byte[] toBytes(int bits) {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /** Builds the address from its bits: no DNS is involved. */
    public static Inet4Address toAddress(int bits) {
        try {
            return (Inet4Address) InetAddress.getByAddress(toBytes(bits));
        } catch (UnknownHostException e) {
            // Only thrown for a byte array of the wrong length, which toBytes never returns.
            throw new IllegalStateException("4 bytes rejected as an IPv4 address", e);
        }
    }

    public static String toText(int bits) {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xFF) + "." + (bits >>> 8 & 0xFF) + "." + (bits & 0xFF);
    }

    /** The netmask of a prefix length 0..32 as bits. */
    public static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /**
     * The bits of a strict dotted quad (four decimal parts 0..255, no leading zeros), or -1 when
     * {@code text} is anything else.
     */
    public static long parseStrict(String text) {
        long bits = 0;
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || i - start >= 3) {
                    return -1;
                }
                continue;
            }
            int length = i - start;
            if (length == 0 || (length > 1 && text.charAt(start) == '0') || ++parts > 4) {
                return -1;
            }
            int value = Integer.parseInt(text, start, i, 10);
            if (value > 255) {
                return -1;
            }
            bits = bits << 8 | value;
            start = i + 1;
        }
        return parts == 4 ? bits : -1;
    }
}
