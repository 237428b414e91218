package org.uploadbridge.validation.address;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A device address as the user typed it, parsed strictly and normalised.
 *
 * @param input what the user typed (trimmed)
 * @param host the normalised host: dotted IPv4, RFC 5952 IPv6 (without zone), or a lower-case host
 *     name without trailing dot. An IPv4-mapped IPv6 address is normalised to its IPv4 address.
 * @param address the address of an IP literal, built from the parsed bytes without DNS; empty for
 *     host names. A numeric zone id is its scope id; a named zone (e.g. {@code eth0}) is only in
 *     {@link #zone()}, since binding it needs the local interface.
 * @param zone the IPv6 zone id, only for link-local addresses
 * @param port the port, if one was typed
 * @param kind what the address is; {@link AddressKind#HOST_NAME} or {@link AddressKind#MDNS_NAME}
 *     for names
 */
public record ParsedAddress(String input, String host, Optional<InetAddress> address, Optional<String> zone,
        OptionalInt port, AddressKind kind) {

    public ParsedAddress {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * True for host names: resolve them, then pass the result to
     * {@link AddressPolicy#checkResolved} before connecting (DNS rebinding).
     */
    public boolean needsResolution() {
        return address.isEmpty();
    }

    public int portOr(int defaultPort) {
        return port.orElse(defaultPort);
    }

    /** The host as a URI needs it: IPv6 in brackets, with the zone as {@code %25zone} (RFC 6874). */
    public String uriHost() {
        if (address.isPresent() && address.get() instanceof Inet6Address) {
            return "[" + host + zone.map(z -> "%25" + z).orElse("") + "]";
        }
        return host;
    }

    /** For display: host with zone and port, e.g. {@code [fe80::1%eth0]:8080} or {@code 192.168.4.1}. */
    public String display() {
        boolean ipv6 = address.isPresent() && address.get() instanceof Inet6Address;
        String zoned = ipv6 ? host + zone.map(z -> "%" + z).orElse("") : host;
        if (port.isEmpty()) {
            return zoned;
        }
        return (ipv6 ? "[" + zoned + "]" : zoned) + ":" + port.getAsInt();
    }
}
