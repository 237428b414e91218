package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * What a device does in place of (or before) its answer when a fault is injected: reset the
 * connection, answer 503, reboot, or hold the request. None of them lets the request change the
 * device. (Garbled and dripping answers are the {@link Exchange}'s business.)
 */
final class InjectedFaults {

    private InjectedFaults() {
    }

    /** Reads part of the body, so that the client is well into sending it, then resets the connection. */
    static void resetMidUpload(Exchange exchange) {
        try {
            RequestBodies.readPart(exchange.request());
        } catch (IOException e) {
            // The client broke the connection first: there is nothing left to reset.
            exchange.abort(e);
            return;
        }
        exchange.resetConnection("injected fault: connection reset mid-upload");
    }

    /** Reads and drops the body first: a client still sending it would see a broken pipe, not the 503. */
    static void serviceUnavailable(Exchange exchange) {
        try {
            RequestBodies.discard(exchange.request());
        } catch (IOException e) {
            exchange.abort(e);
            return;
        }
        exchange.text(503, ClassicMessages.SERVICE_UNAVAILABLE);
    }

    /** The connection dies with the device: reset at once, then down for the profile's reboot time. */
    static void reboot(Exchange exchange) {
        exchange.resetConnection("injected fault: device reboot");
        // There is no answer to wait for: the reboot begins now.
        exchange.device().reboot().run();
    }

    /**
     * Runs {@code thenAnswer} on a pool thread after {@code time}. Scheduled rather than slept, so
     * that stalled requests hold no threads and cannot starve the fleet's other devices.
     */
    static void stall(Exchange exchange, Duration time, Runnable thenAnswer) {
        exchange.allowIdleFor(time);
        DeviceNetwork network = exchange.device().network();
        network.schedule(() -> {
            try {
                network.execute(() -> answerOrAbort(exchange, thenAnswer));
            } catch (RejectedExecutionException e) {
                // The fleet is closing: the request ends unanswered, as its connection does.
                exchange.abort(e);
            }
        }, time);
    }

    /** Off Jetty's handler call, an unexpected failure must still end the request (Jetty answers 500). */
    private static void answerOrAbort(Exchange exchange, Runnable answer) {
        try {
            answer.run();
        } catch (RuntimeException e) {
            exchange.abort(e);
        }
    }
}
