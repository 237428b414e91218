package org.uploadbridge.validation.address;

/**
 * What an address is, by the IANA special-purpose registries. IPv4-mapped ({@code ::ffff:0:0/96}),
 * IPv4-compatible ({@code ::/96}) and NAT64 ({@code 64:ff9b::/96}) IPv6 addresses have the kind of
 * the IPv4 address they embed.
 */
public enum AddressKind {
    /** 127.0.0.0/8, ::1: this computer; allowed so that the simulator and local tools work. */
    LOOPBACK("a loopback address (this computer)"),
    /** 10/8, 172.16/12, 192.168/16, fc00::/7 (unique local) and the deprecated fec0::/10. */
    PRIVATE("a private LAN address"),
    /** 169.254/16, fe80::/10: devices without DHCP, and IPv6 neighbours. */
    LINK_LOCAL("a link-local address"),
    /**
     * 100.64/10, carrier-grade NAT shared space: other customers of the carrier live there, so it
     * is treated like public space (refused unless public addresses are allowed).
     */
    SHARED("a carrier-grade NAT address (100.64.0.0/10)"),
    PUBLIC("a public internet address"),
    /** 0.0.0.0, :: ("any address"): never a device. */
    UNSPECIFIED("the unspecified address"),
    MULTICAST("a multicast address"),
    /** 255.255.255.255. */
    BROADCAST("the broadcast address"),
    /**
     * Never a device: 0/8, 192.0.0/24, documentation (192.0.2/24, 198.51.100/24, 203.0.113/24,
     * 2001:db8::/32, 3fff::/20), benchmarking 198.18/15, 240/4, discard-only 100::/64.
     */
    RESERVED("a reserved or documentation address"),
    /** A DNS name: allowed as typed; every address it resolves to must pass the policy again. */
    HOST_NAME("a host name"),
    /** A {@code .local} name resolved by multicast DNS on the LAN; re-checked like a host name. */
    MDNS_NAME("an mDNS (.local) host name");

    private final String label;

    AddressKind(String label) {
        this.label = label;
    }

    /** For messages: "8.8.8.8 is a public internet address". */
    public String label() {
        return label;
    }

    /** True for names, which are checked again once resolved. */
    public boolean isName() {
        return this == HOST_NAME || this == MDNS_NAME;
    }
}
