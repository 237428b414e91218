package org.uploadbridge.simulator.internal;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/** The loopback interface (the one holding 127.0.0.1, {@code lo} on Linux) and whether it carries multicast. */
public final class LoopbackMulticast {

    static final String ENABLE_HINT = "run `ip link set lo multicast on` (as root)";

    private LoopbackMulticast() {
    }

    /** Whether the loopback interface exists, is up and has the MULTICAST flag. */
    public static boolean available() {
        try {
            NetworkInterface loopback = find();
            return loopback != null && loopback.isUp() && loopback.supportsMulticast();
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot read the loopback interface's flags", e);
        }
    }

    /**
     * The loopback interface, ready for multicast.
     *
     * @throws IllegalStateException when it is missing, down or has no MULTICAST flag, saying how to fix it
     */
    static NetworkInterface require() {
        try {
            NetworkInterface loopback = find();
            if (loopback == null) {
                throw new IllegalStateException("no network interface holds 127.0.0.1: mDNS on loopback is impossible");
            }
            if (!loopback.isUp()) {
                throw new IllegalStateException("the loopback interface " + loopback.getName() + " is down");
            }
            if (!loopback.supportsMulticast()) {
                throw new IllegalStateException("the loopback interface " + loopback.getName()
                        + " has no MULTICAST flag, so simulated devices cannot answer mDNS on it: " + ENABLE_HINT);
            }
            return loopback;
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot read the loopback interface's flags", e);
        }
    }

    private static NetworkInterface find() throws SocketException {
        try {
            // By address, not by the name "lo": the name differs between systems, 127.0.0.1 does not.
            return NetworkInterface.getByInetAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
