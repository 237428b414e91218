package org.uploadbridge.validation.address;

/**
 * Whether public addresses may be contacted. {@link #LAN_ONLY} is the default everywhere; the
 * CLI's {@code --allow-public} flag and the workbench preference map to {@link #ALLOW_PUBLIC}
 * through {@link #of(boolean)}. No mode ever allows unspecified, multicast, broadcast or reserved
 * addresses.
 */
public enum PolicyMode {
    /** Loopback, private, link-local addresses and host names that resolve to them. */
    LAN_ONLY,
    /** Also public and carrier-grade NAT addresses, when the user asked for it explicitly. */
    ALLOW_PUBLIC;

    public static PolicyMode of(boolean allowPublic) {
        return allowPublic ? ALLOW_PUBLIC : LAN_ONLY;
    }
}
