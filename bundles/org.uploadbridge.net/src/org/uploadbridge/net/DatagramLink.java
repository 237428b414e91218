package org.uploadbridge.net;

import java.nio.ByteBuffer;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;

/** A UDP link to one port of one device, opened by {@link DeviceDatagrams}. Not thread-safe. */
public interface DatagramLink extends AutoCloseable {

    /** The largest datagram {@link #send} takes: what fits an Ethernet frame unfragmented. */
    int MAX_DATAGRAM_BYTES = 1472;

    /**
     * Sends {@code datagram}'s remaining bytes as one datagram (UDP: no answer, no delivery
     * guarantee); fails with {@code UB-D002} when the network refuses it.
     */
    void send(ByteBuffer datagram) throws UploadBridgeException;

    /** The device's address, as in the {@link DeviceDatagrams#open} call. */
    DeviceAddress device();

    @Override
    void close();
}
