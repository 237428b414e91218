package org.uploadbridge.firmware.tck;

import java.nio.file.Path;
import java.time.Duration;

import org.uploadbridge.core.device.DeviceAddress;

/**
 * One simulated device of the firmware under test, seen from the conformance kit: where it listens,
 * what reached it, and how to make it misbehave. A driver's tests adapt their firmware's simulator
 * to this (see {@link SimulatorFleet} for the classic one).
 */
public interface ConformanceDevice {

    /** The loopback address and port it listens on. */
    DeviceAddress address();

    /** Requests that reached it since it started: the kit checks that a redirect is never followed here. */
    long requestCount();

    /** Whether it holds exactly the bytes of {@code pattern} as its last accepted upload. */
    boolean received(Path pattern);

    /** The next request fails on the device's side, as when it is busy or rebooting (e.g. HTTP 503). */
    void failNext();

    /** The next request gets no answer for at least {@code stall}. */
    void stallNext(Duration stall);

    /** Goes offline: its address refuses connections. */
    void stop();
}
