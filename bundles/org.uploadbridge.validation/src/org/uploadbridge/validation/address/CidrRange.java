package org.uploadbridge.validation.address;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.uploadbridge.validation.internal.Ipv4;

/**
 * An IPv4 network for a subnet scan, e.g. {@code 192.168.1.0/24}. Its hosts are every address but
 * the network and broadcast addresses, except for /31 and /32 (RFC 3021), where all addresses are
 * hosts. Iterating the hosts creates one address at a time, never a list.
 *
 * @param network the network address (no host bits set)
 * @param prefixLength 0..32
 */
public record CidrRange(Inet4Address network, int prefixLength) {

    public CidrRange {
        Objects.requireNonNull(network, "network");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32, was " + prefixLength);
        }
        if ((Ipv4.toInt(network.getAddress()) & ~Ipv4.mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(network.getHostAddress() + " has host bits set for /" + prefixLength);
        }
    }

    /** The range of {@code prefixLength} that contains {@code address} (host bits are cleared). */
    public static CidrRange containing(Inet4Address address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32, was " + prefixLength);
        }
        int bits = Ipv4.toInt(address.getAddress()) & Ipv4.mask(prefixLength);
        return new CidrRange(Ipv4.toAddress(bits), prefixLength);
    }

    /** All addresses, network and broadcast included: 2^(32 - prefix). */
    public long addressCount() {
        return 1L << (32 - prefixLength);
    }

    /** The addresses {@link #hosts()} returns. */
    public long hostCount() {
        return lastHostBits() - firstHostBits() + 1;
    }

    public Inet4Address firstHost() {
        return Ipv4.toAddress((int) firstHostBits());
    }

    public Inet4Address lastHost() {
        return Ipv4.toAddress((int) lastHostBits());
    }

    public boolean contains(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        int mask = Ipv4.mask(prefixLength);
        return (Ipv4.toInt(address.getAddress()) & mask) == networkBits();
    }

    /** The host addresses in ascending order, created lazily. */
    public Iterable<Inet4Address> hosts() {
        long first = firstHostBits();
        long last = lastHostBits();
        return () -> new Iterator<>() {
            private long next = first;

            @Override
            public boolean hasNext() {
                return next <= last;
            }

            @Override
            public Inet4Address next() {
                if (next > last) {
                    throw new NoSuchElementException();
                }
                return Ipv4.toAddress((int) next++);
            }
        };
    }

    /** Unsigned bits of the first host, as a long so that ranges ending at 255.255.255.255 work. */
    long firstHostBits() {
        long network = Integer.toUnsignedLong(networkBits());
        return prefixLength >= 31 ? network : network + 1;
    }

    long lastHostBits() {
        long broadcast = Integer.toUnsignedLong(networkBits()) + addressCount() - 1;
        return prefixLength >= 31 ? broadcast : broadcast - 1;
    }

    private int networkBits() {
        return Ipv4.toInt(network.getAddress());
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
