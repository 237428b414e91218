package org.uploadbridge.simulator.internal;

import java.io.IOException;

import org.uploadbridge.simulator.Extension;

/** Answers one method on one path of a simulated device. */
@FunctionalInterface
interface Endpoint {

    /**
     * Answers through {@code exchange}, or throws the device's refusal.
     *
     * @throws IOException when the connection breaks while the request is read
     */
    void handle(Exchange exchange) throws IOException, DeviceRefusal;

    /**
     * One entry of a route table.
     *
     * @param extension the extension a device needs to have this route; null for the classic ones
     */
    record Route(String method, String path, Extension extension, Endpoint endpoint) {
    }
}
