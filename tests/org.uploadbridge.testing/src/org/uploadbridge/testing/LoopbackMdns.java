package org.uploadbridge.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;

import javax.jmdns.JmDNS;

import org.junit.jupiter.api.Assumptions;

/**
 * mDNS for tests, on loopback only: nothing a test announces or asks leaves the machine. Linux
 * leaves multicast off on loopback; CI turns it on ({@code ip link set lo multicast on}).
 */
public final class LoopbackMdns {

    private static final String LOOPBACK = "127.0.0.1";

    private LoopbackMdns() {
    }

    public static boolean available() {
        try {
            NetworkInterface lo = NetworkInterface.getByName("lo");
            return lo != null && lo.isUp() && lo.supportsMulticast();
        } catch (SocketException e) {
            throw new IllegalStateException("cannot read the loopback interface", e);
        }
    }

    /** Skips the calling test, saying how to enable it, when loopback cannot multicast. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "loopback cannot multicast here; as root: ip link set lo multicast on");
    }

    /** A JmDNS responder on 127.0.0.1, whose services answer with that address. */
    public static JmDNS responder(String hostName) throws IOException {
        return JmDNS.create(InetAddress.getByName(LOOPBACK), hostName);
    }

    /**
     * Waits until {@code instances} instances of {@code serviceType} answer on loopback: a responder
     * probes for its names for a few seconds (RFC 6762 section 8) before it answers anyone.
     */
    public static void awaitAnnounced(String serviceType, int instances, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (JmDNS browser = JmDNS.create(InetAddress.getByName(LOOPBACK), "await-announced")) {
            while (System.nanoTime() < deadline) {
                if (browser.list(serviceType, 1_000).length >= instances) {
                    return;
                }
            }
        }
        throw new IOException(instances + " instance(s) of " + serviceType + " did not answer on loopback within " + timeout);
    }
}
