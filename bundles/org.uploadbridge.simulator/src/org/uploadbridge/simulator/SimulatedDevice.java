package org.uploadbridge.simulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

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

    /**
     * Requests that reached the device (including refused, unknown, 503 and faulted ones) since start
     * or reset. A refused connection is no request.
     */
    long requestCount();

    /** Requests for exactly {@code path} (no query string), e.g. {@code /api/status}. */
    long requestCount(String path);

    /**
     * Back to a freshly flashed device: no pattern, empty library, default brightness and schedule,
     * the profile's firmware version, counters (injected faults too) and history cleared; its random
     * fault sequence starts again. Does not start or stop it, and keeps its fault profile and
     * pending {@link #failNext} faults.
     */
    void reset();

    /** Goes offline: the address refuses connections and open connections are closed. */
    void stop();

    /** Comes back on the same address and port. */
    void start();

    /** Whether it accepts connections and answers (false while stopped or rebooting). */
    boolean isOnline();

    /**
     * Misbehaves from now on as {@code profile} says; {@link FaultProfile#none()} makes it behave
     * again. Its random sequence starts afresh from the profile's seed and this device's index in its
     * fleet. Pending {@link #failNext} faults stay.
     */
    void injectFaults(FaultProfile profile);

    /** The fault profile in use ({@link FaultProfile#none()} until one is injected). */
    FaultProfile faults();

    /**
     * The next {@code count} requests that {@code kind} applies to get it, before any random fault:
     * e.g. {@code failNext(SERVICE_UNAVAILABLE, 5)} answers the next five requests 503, then the
     * device recovers. Calls queue up in order. A request the queued kind does not apply to (a
     * {@code GET} for {@link FaultKind#RESET_MID_UPLOAD}) passes it by and leaves it waiting.
     * {@link FaultKind#STALL} and {@link FaultKind#SLOW_DRIP} take their timing from {@link #faults()}.
     *
     * @throws IllegalArgumentException when {@code count} is not 1..1,000,000
     */
    void failNext(FaultKind kind, int count);

    /** How many faults of each kind were injected since start or reset; every kind is a key. */
    Map<FaultKind, Long> injectedFaults();
}
