package org.uploadbridge.validation.internal;

import java.util.List;
import java.util.TreeSet;

import org.uploadbridge.validation.address.AddressKind;

/**
 * Which {@link AddressKind} an address is, from the IANA IPv4 and IPv6 special-purpose registries.
 * Pure functions over bits and bytes; no objects per call for IPv4, so ranges are cheap to judge.
 */
final class AddressClassifier {

    /** A CIDR block of one kind; the first block that contains an address decides its kind. */
    record Block(int network, int prefixLength, AddressKind kind) {

        boolean contains(int address) {
            return (address & Ipv4.mask(prefixLength)) == network;
        }

        long firstUnsigned() {
            return Integer.toUnsignedLong(network);
        }

        long lastUnsigned() {
            return firstUnsigned() + (1L << (32 - prefixLength)) - 1;
        }
    }

    /** Most specific first: a /32 inside a larger block precedes it. */
    static final List<Block> IPV4_BLOCKS = List.of(
            block(0, 0, 0, 0, 32, AddressKind.UNSPECIFIED),
            block(0, 0, 0, 0, 8, AddressKind.RESERVED),           // "this network"
            block(127, 0, 0, 0, 8, AddressKind.LOOPBACK),
            block(10, 0, 0, 0, 8, AddressKind.PRIVATE),
            block(172, 16, 0, 0, 12, AddressKind.PRIVATE),
            block(192, 168, 0, 0, 16, AddressKind.PRIVATE),
            block(169, 254, 0, 0, 16, AddressKind.LINK_LOCAL),
            block(100, 64, 0, 0, 10, AddressKind.SHARED),         // carrier-grade NAT
            block(192, 0, 0, 0, 24, AddressKind.RESERVED),        // IETF protocol assignments
            block(192, 0, 2, 0, 24, AddressKind.RESERVED),        // TEST-NET-1
            block(198, 51, 100, 0, 24, AddressKind.RESERVED),     // TEST-NET-2
            block(203, 0, 113, 0, 24, AddressKind.RESERVED),      // TEST-NET-3
            block(198, 18, 0, 0, 15, AddressKind.RESERVED),       // benchmarking
            block(255, 255, 255, 255, 32, AddressKind.BROADCAST),
            block(224, 0, 0, 0, 4, AddressKind.MULTICAST),
            block(240, 0, 0, 0, 4, AddressKind.RESERVED));

    private AddressClassifier() {
    }

    private static Block block(int a, int b, int c, int d, int prefixLength, AddressKind kind) {
        return new Block(a << 24 | b << 16 | c << 8 | d, prefixLength, kind);
    }

    static AddressKind classifyIpv4(int address) {
        for (Block block : IPV4_BLOCKS) {
            if (block.contains(address)) {
                return block.kind();
            }
        }
        return AddressKind.PUBLIC;
    }

    /**
     * The addresses in {@code [first, last]} (unsigned) where the kind may change: the first
     * address and every block boundary inside the range, ascending. Between two consecutive starts
     * every address has the kind of the start, so a range of any size is judged in a few steps.
     */
    static long[] kindSegmentStarts(long first, long last) {
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(first);
        for (Block block : IPV4_BLOCKS) {
            long blockFirst = block.firstUnsigned();
            long afterBlock = block.lastUnsigned() + 1;
            if (blockFirst > first && blockFirst <= last) {
                starts.add(blockFirst);
            }
            if (afterBlock > first && afterBlock <= last) {
                starts.add(afterBlock);
            }
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    static AddressKind classifyIpv6(byte[] bytes) {
        if (Ipv6.zeros(bytes, 0, 16)) {
            return AddressKind.UNSPECIFIED;
        }
        if (Ipv6.zeros(bytes, 0, 15) && bytes[15] == 1) {
            return AddressKind.LOOPBACK;
        }
        if (Ipv6.isIpv4Mapped(bytes) || Ipv6.zeros(bytes, 0, 12) || isNat64(bytes)) {
            // Mapped, deprecated IPv4-compatible and NAT64 addresses reach their IPv4 address.
            return classifyIpv4(Ipv6.embeddedIpv4(bytes));
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (Ipv6.isLinkLocal(bytes)) {
            return AddressKind.LINK_LOCAL;
        }
        if ((first & 0xFE) == 0xFC || (first == 0xFE && (second & 0xC0) == 0xC0)) {
            return AddressKind.PRIVATE;                           // unique local fc00::/7, site-local fec0::/10
        }
        if (first == 0xFF) {
            return AddressKind.MULTICAST;
        }
        if (isDocumentation(bytes) || isDiscardOnly(bytes)) {
            return AddressKind.RESERVED;
        }
        return AddressKind.PUBLIC;
    }

    /** 64:ff9b::/96, the NAT64 well-known prefix. */
    private static boolean isNat64(byte[] bytes) {
        return bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0x9B
                && Ipv6.zeros(bytes, 4, 12);
    }

    /** 2001:db8::/32 and 3fff::/20 (RFC 9637). */
    private static boolean isDocumentation(byte[] bytes) {
        boolean db8 = bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && (bytes[3] & 0xFF) == 0xB8;
        boolean threeFff = bytes[0] == 0x3F && (bytes[1] & 0xFF) == 0xFF && (bytes[2] & 0xF0) == 0;
        return db8 || threeFff;
    }

    /** 100::/64. */
    private static boolean isDiscardOnly(byte[] bytes) {
        return bytes[0] == 0x01 && Ipv6.zeros(bytes, 1, 8);
    }
}
