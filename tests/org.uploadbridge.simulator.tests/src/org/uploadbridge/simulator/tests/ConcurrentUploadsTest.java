package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;

/**
 * Every device of a large fleet takes an upload at the same time, as real devices do: a slow
 * (throttled) upload holds no platform thread, so there is no cap at the server's thread pool.
 */
class ConcurrentUploadsTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18445;
    /** More than the simulator's platform threads (200). */
    private static final int DEVICES = 250;

    @Test
    void twoHundredFiftySlowUploadsAreAllReadAtOnce() throws Exception {
        // 1,000 B/s: each 5 KB upload takes five seconds to read, far longer than this test waits.
        fleet = simulator.start(FleetSpec.of(DEVICES, DeviceProfile.esp32().withBandwidth(1_000))
                .withFirstAddress("127.42.60.1").withPort(PORT));
        byte[] body = multipart(NativePatterns.of(10, 160)); // 4,964 bytes of pattern
        List<Socket> uploads = new ArrayList<>();
        try {
            for (SimulatedDevice device : fleet.devices()) {
                Socket socket = new Socket();
                uploads.add(socket);
                socket.connect(new InetSocketAddress(device.address().getAddress(), PORT), 5_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/upload HTTP/1.1\r\nHost: " + device.address().getAddress().getHostAddress()
                        + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body); // the kernel buffers it; the device reads it at its own pace
                out.flush();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (reading() < DEVICES && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(DEVICES, reading(), "devices reading an upload at the same time");
        } finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
    }

    private long reading() {
        return fleet.devices().stream().filter(d -> d.requestCount("/api/upload") == 1).count();
    }

    private static final String BOUNDARY = "ConcurrentUploadsTest";

    private static byte[] multipart(byte[] pattern) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + pattern.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pattern, 0, body, head.length, pattern.length);
        System.arraycopy(tail, 0, body, head.length + pattern.length, tail.length);
        return body;
    }
}
