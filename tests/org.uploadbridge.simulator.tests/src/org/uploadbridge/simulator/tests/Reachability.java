package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;

import org.uploadbridge.simulator.SimulatedDevice;

/** Whether a simulated device answers, as a client sees it. */
final class Reachability {

    private static final long DEADLINE_MS = 10_000;
    private static final long POLL_MS = 20;

    private Reachability() {
    }

    /** Refused connection or 503: the two ways a rebooting device is unavailable. */
    static void assertUnavailable(DeviceClient client, SimulatedDevice device) {
        try {
            assertEquals(503, client.get(device, "/api/status").status());
        } catch (IOException e) {
            // Refused once the device is down, or reset if it went down while connecting: unavailable either way.
        }
    }

    /** Polls until status answers 200; returns the milliseconds since {@code sinceNanos}. */
    static long awaitStatus200(DeviceClient client, SimulatedDevice device, long sinceNanos) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (System.nanoTime() < deadline) {
            try {
                if (client.get(device, "/api/status").status() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
                }
            } catch (IOException e) {
                // still down
            }
            Thread.sleep(POLL_MS);
        }
        return fail(device.name() + " did not come back within " + DEADLINE_MS + " ms");
    }

    /** Polls until a connection is refused (the rebooting device has gone down); fails if it never is. */
    static void awaitRefused(DeviceClient client, SimulatedDevice device, long withinMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(withinMillis);
        while (System.nanoTime() < deadline) {
            try {
                client.get(device, "/api/status");
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                // reset while going down: look again
            }
            Thread.sleep(POLL_MS / 4);
        }
        fail(device.name() + " never refused a connection within " + withinMillis + " ms");
    }

    /** The connection is refused: nothing listens on the device's address. */
    static void assertRefused(DeviceClient client, SimulatedDevice device) {
        try {
            client.get(device, "/api/status");
            fail(device.name() + " answered although it is stopped");
        } catch (IOException e) {
            if (!(e instanceof ConnectException)) {
                fail("expected a refused connection", e);
            }
        }
    }
}
