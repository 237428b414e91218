package org.uploadbridge.simulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * One simulated device: what it was sent and how it is doing, seen from the test's side. All
 * methods are thread-safe.
 */
public interface SimulatedDevice {

    String name();

    /** The loopback address and port it listens on. */
    InetSocketAddress address();

    /** {@code http://<ip>:<port>/}. */
    URI baseUri();

    DeviceProfile profile();

    /**
     * Its MAC address, lower case with colons, as mDNS announces it in TXT {@code mac=}: locally
     * administered ({@code 02}), then the low three octets of its address and its port, e.g.
     * {@code 02:2a:00:01:1f:90} for 127.42.0.1:8080. Unique among devices listening at the same time;
     * kept across stop and start. (The classic firmware's {@code /api/status} has no MAC.)
     */
    String mac();

    /** A snapshot of what {@code GET /api/status} would report, plus the simulator's own view. */
    DeviceStatus status();

    /** Every pattern {@code POST /api/upload} accepted, oldest first (the last 1,000 are kept). */
    List<AcceptedPattern> acceptedPatterns();

    /** Requests that reached the device (including refused, unknown and 503 ones) since start or reset. */
    long requestCount();

    /** Requests for exactly {@code path} (no query string), e.g. {@code /api/status}. */
    long requestCount(String path);

    /**
     * Back to a freshly flashed device: no pattern, empty library, default brightness and schedule,
     * the profile's firmware version, counters and history cleared. Does not start or stop it.
     */
    void reset();

    /** Goes offline: the address refuses connections and open connections are closed. */
    void stop();

    /** Comes back on the same address and port. */
    void start();

    /** Whether it accepts connections and answers (false while stopped or rebooting). */
    boolean isOnline();
}
