package org.uploadbridge.validation.address;

import java.net.InetAddress;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * Decides which device addresses Upload Bridge may contact (a DS service): LAN only by default, so
 * that neither a typed address nor a hostile DNS answer nor a pattern of redirects turns the tool
 * against hosts on the internet or against the user's own services.
 *
 * <p>Typed addresses are parsed strictly and never resolved here:
 * <ul>
 * <li>IPv4 only as four decimal parts 0-255 without leading zeros; octal, hexadecimal, integer and
 * shortened spellings ({@code 0177.0.0.1}, {@code 0x7f.0.0.1}, {@code 2130706433},
 * {@code 127.1}) are refused as ambiguous;</li>
 * <li>IPv6 with or without brackets, a port only with brackets ({@code [fe80::1]:80}), a zone id
 * only on link-local addresses ({@code fe80::1%eth0});</li>
 * <li>host names by RFC 1123; a name is allowed as typed, and its resolved addresses must pass
 * {@link #checkResolved} before any connection;</li>
 * <li>ports 1-65535.</li>
 * </ul>
 * Loopback, private and link-local addresses are allowed in every mode; public and carrier-grade
 * NAT addresses only with {@link PolicyMode#ALLOW_PUBLIC}; unspecified, multicast, broadcast and
 * reserved addresses never. See {@link AddressKind} for the ranges.
 */
public interface AddressPolicy {

    /** Scans cover at most a /16. */
    long DEFAULT_MAX_SCAN_ADDRESSES = 65_536;

    /** Parses, classifies and applies the policy to a typed address ({@code host}, {@code host:port}). */
    AddressCheck check(String input, PolicyMode mode);

    /** Like {@link #check}, for callers that stop at the first problem. */
    default ParsedAddress require(String input, PolicyMode mode) throws UploadBridgeException {
        return check(input, mode).orThrow();
    }

    /** What {@code address} is; IPv4-mapped, -compatible and NAT64 addresses by their IPv4 address. */
    AddressKind classify(InetAddress address);

    /** The policy for an address obtained otherwise, e.g. from mDNS discovery or a connected socket. */
    Optional<Refusal> checkAddress(InetAddress address, PolicyMode mode);

    /**
     * The policy for the addresses {@code hostName} resolved to: every one must pass, since a
     * client may connect to any of them (and a rebinding DNS server mixes a LAN address with a
     * hostile one). Call it after resolving and connect only to these addresses.
     *
     * @return the refusal of the first refused address, or {@code UB-V115} when there is none
     */
    Optional<Refusal> checkResolved(String hostName, InetAddress[] resolved, PolicyMode mode);

    /** Parses and checks an IPv4 scan range such as {@code 192.168.1.0/24}, up to {@code maxAddresses}. */
    RangeCheck checkRange(String cidr, PolicyMode mode, long maxAddresses);

    /** {@link #checkRange(String, PolicyMode, long)} with {@link #DEFAULT_MAX_SCAN_ADDRESSES}. */
    default RangeCheck checkRange(String cidr, PolicyMode mode) {
        return checkRange(cidr, mode, DEFAULT_MAX_SCAN_ADDRESSES);
    }
}
