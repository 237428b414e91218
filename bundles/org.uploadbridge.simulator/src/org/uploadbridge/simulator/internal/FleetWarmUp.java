package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * Status requests and small uploads a fleet answers before a benchmark measures a client against
 * it: real devices do not warm up, so the simulator's own JIT compiling should not be measured.
 * Every device is reset afterwards.
 */
final class FleetWarmUp {

    private static final String BOUNDARY = "FleetWarmUp";
    private static final int TIMEOUT_MS = 10_000;

    private FleetWarmUp() {
    }

    /** Sends {@code requests} requests round-robin over the fleet, half of them uploads. */
    static void run(SimulatedFleet fleet, int requests) throws IOException {
        byte[] upload = uploadRequest();
        for (int i = 0; i < requests; i++) {
            SimulatedDevice device = fleet.device(i % fleet.devices().size());
            byte[] request = i % 2 == 0 ? ("GET /api/status HTTP/1.1\r\nHost: d\r\n\r\n").getBytes(StandardCharsets.US_ASCII) : upload;
            exchange(device, request);
        }
        fleet.devices().forEach(SimulatedDevice::reset);
    }

    /** Sends one request and reads the answer to its end (the device closes every connection). */
    private static void exchange(SimulatedDevice device, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(device.address(), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        }
    }

    /** A multipart upload of a 10 LED x 2 frame pattern. */
    private static byte[] uploadRequest() {
        ByteBuffer pattern = ByteBuffer.allocate(4 + 2 * (2 + 10 * 3)).order(ByteOrder.LITTLE_ENDIAN);
        pattern.putShort((short) 10).putShort((short) 2);
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"warm.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        int length = head.length + pattern.capacity() + tail.length;
        ByteBuffer request = ByteBuffer.allocate(200 + length);
        request.put(("POST /api/upload HTTP/1.1\r\nHost: d\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.put(head).put(pattern.array()).put(tail);
        byte[] bytes = new byte[request.position()];
        request.flip().get(bytes);
        return bytes;
    }
}
