package org.uploadbridge.simulator.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/** A real JmDNS browser on loopback, as the product browses: what resolves, seen by instance name. */
final class MdnsBrowser implements AutoCloseable {

    static final long DEADLINE_MS = 15_000;
    private static final long LIST_MS = 500;

    private final JmDNS jmdns;

    private MdnsBrowser(JmDNS jmdns) {
        this.jmdns = jmdns;
    }

    /** Bound to 127.0.0.1, so it joins the group on the loopback interface. */
    static MdnsBrowser open() throws IOException {
        return new MdnsBrowser(JmDNS.create(InetAddress.getByName("127.0.0.1"), "test-browser"));
    }

    JmDNS jmdns() {
        return jmdns;
    }

    /**
     * Lists {@code type} until at least {@code expected} instances named {@code prefix}... have
     * resolved with an address, or the deadline passes; returns them by name.
     */
    Map<String, ServiceInfo> await(String type, String prefix, int expected) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        Map<String, ServiceInfo> found = list(type, prefix);
        while (found.size() < expected && System.nanoTime() < deadline) {
            found = list(type, prefix);
        }
        return found;
    }

    /** What has resolved now (waiting up to half a second when nothing has). */
    Map<String, ServiceInfo> list(String type, String prefix) {
        Map<String, ServiceInfo> found = new TreeMap<>();
        for (ServiceInfo info : jmdns.list(type, LIST_MS)) {
            if (info.getName().startsWith(prefix) && info.getInet4Addresses().length > 0) {
                found.put(info.getName(), info);
            }
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        jmdns.close();
    }
}
