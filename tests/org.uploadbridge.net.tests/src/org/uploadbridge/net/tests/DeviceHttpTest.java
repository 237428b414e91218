package org.uploadbridge.net.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.BinaryAnswer;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.FilePart;
import org.uploadbridge.net.FormField;
import org.uploadbridge.net.HttpAnswer;
import org.uploadbridge.testing.LoopbackServer;
import org.uploadbridge.testing.OsgiServices;

/** The device HTTP client against real servers on loopback that misbehave in the ways devices and impostors do. */
class DeviceHttpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DeviceHttp http = OsgiServices.await(DeviceHttp.class);

    /** Answers every request with a status, headers and a body. */
    private static Handler answering(int status, String contentType, String body) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(status);
                if (contentType != null) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                }
                Content.Sink.write(response, true, body, callback);
                return true;
            }
        };
    }

    @Test
    void jsonAnswerIsReadAndParsedIgnoringUnknownFields() throws Exception {
        try (LoopbackServer server = new LoopbackServer(answering(200, "application/json",
                "{\"num_leds\":144,\"future_field\":{\"x\":1},\"ssid\":\"ub\"}"))) {
            HttpAnswer answer = http.get(server.address(), "/api/status", TIMEOUT, DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
            assertEquals(200, answer.status());
            assertEquals("application/json", answer.contentType());
            Status status = http.parseJson(server.address(), answer, Status.class);
            assertEquals(144, status.num_leds);
            assertEquals("ub", status.ssid);
        }
    }

    /** Field names as the device spells them. */
    static final class Status {
        int num_leds;
        String ssid;
    }

    @Test
    void aFourOhOneWithoutChallengeIsAStatusForTheDriver() throws Exception {
        // given: WLED's PIN lock answers 401 with no WWW-Authenticate header
        try (LoopbackServer server = new LoopbackServer(answering(401, "text/plain", "Access Denied"))) {
            // when
            HttpAnswer answer = http.get(server.address(), "/edit?func=list", TIMEOUT, DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
            // then
            assertEquals(401, answer.status());
            assertEquals("Access Denied", answer.body());
        }
    }

    @Test
    void filesComeBackByteForByte() throws Exception {
        // given: bytes that are not UTF-8
        byte[] content = new byte[4096];
        new Random(7).nextBytes(content);
        Handler serving = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                response.write(true, java.nio.ByteBuffer.wrap(content), callback);
                return true;
            }
        };
        try (LoopbackServer server = new LoopbackServer(serving)) {
            // when
            BinaryAnswer answer = http.getBytes(server.address(), "/wave.bin", TIMEOUT, content.length);
            // then
            assertEquals(200, answer.status());
            org.junit.jupiter.api.Assertions.assertArrayEquals(content, answer.body());
            // and a bound below the size is UB-D005
            UploadBridgeException tooLarge = assertThrows(UploadBridgeException.class,
                    () -> http.getBytes(server.address(), "/wave.bin", TIMEOUT, content.length - 1));
            assertEquals(DeviceError.RESPONSE_TOO_LARGE, tooLarge.code());
        }
    }

    @Test
    void malformedJsonIsACataloguedError() throws Exception {
        try (LoopbackServer server = new LoopbackServer(answering(200, "application/json", "{\"num_leds\": 14"))) {
            HttpAnswer answer = http.get(server.address(), "/api/status", TIMEOUT, DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
            UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> http.parseJson(server.address(), answer, Status.class));
            assertEquals(DeviceError.MALFORMED_RESPONSE, e.code());
        }
    }

    @Test
    void aRedirectIsRefusedAndNeverFollowed() throws Exception {
        AtomicInteger followed = new AtomicInteger();
        try (LoopbackServer target = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                followed.incrementAndGet();
                callback.succeeded();
                return true;
            }
        }); LoopbackServer device = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(302);
                // A public address first, then one on loopback we can watch: neither is followed.
                response.getHeaders().put(HttpHeader.LOCATION, "http://127.0.0.1:" + target.address().port() + "/steal");
                callback.succeeded();
                return true;
            }
        })) {
            UploadBridgeException e = assertThrows(UploadBridgeException.class,
                    () -> http.get(device.address(), "/api/status", TIMEOUT, DeviceHttp.DEFAULT_MAX_ANSWER_BYTES));
            assertEquals(DeviceError.REDIRECT_REFUSED, e.code());
            assertTrue(e.detail().contains("/steal"), e.detail());
            assertEquals(0, followed.get(), "the redirect target was never contacted");
        }
    }

    @Test
    void anEndlessBodyStopsAtTheLimitWithoutExhaustingMemory() throws Exception {
        AtomicLong written = new AtomicLong();
        try (LoopbackServer server = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                byte[] chunk = new byte[16 * 1024];
                long deadline = System.nanoTime() + 10_000_000_000L; // bounded even if the client never stops
                try (OutputStream out = Content.Sink.asOutputStream(response)) {
                    while (System.nanoTime() < deadline) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                    callback.succeeded();
                } catch (IOException expected) {
                    callback.failed(expected); // the client hung up: that is the point
                }
                return true;
            }
        })) {
            long heapBefore = usedHeap();
            UploadBridgeException e = assertThrows(UploadBridgeException.class,
                    () -> http.get(server.address(), "/api/status", TIMEOUT, 64 * 1024));
            assertEquals(DeviceError.RESPONSE_TOO_LARGE, e.code());
            assertTrue(usedHeap() - heapBefore < 64L << 20, "reading stopped near the 64 KiB limit");
        }
        assertTrue(written.get() < 512L << 20, "the server could not push more than a bounded amount: " + written.get());
    }

    @Test
    void aStalledDeviceTimesOut() throws Exception {
        try (LoopbackServer server = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Thread.sleep(3_000);
                Content.Sink.write(response, true, "{}", callback);
                return true;
            }
        })) {
            UploadBridgeException e = assertThrows(UploadBridgeException.class,
                    () -> http.get(server.address(), "/api/status", Duration.ofMillis(400), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES));
            assertEquals(DeviceError.TIMED_OUT, e.code());
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> http.get(new DeviceAddress("127.0.0.1", port), "/api/status", TIMEOUT, 1024));
        assertEquals(DeviceError.UNREACHABLE, e.code());
    }

    @Test
    void publicAddressesAreRefusedBeforeAnyTraffic() {
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> http.get(new DeviceAddress("8.8.8.8", 80), "/api/status", TIMEOUT, 1024));
        assertEquals("UB-V110", e.code().id());
        UploadBridgeException spelled = assertThrows(UploadBridgeException.class,
                () -> http.get(new DeviceAddress("2130706433", 80), "/api/status", TIMEOUT, 1024));
        assertEquals("UB-V102", spelled.code().id(), "alternative spellings of an address are refused too");
    }

    @Test
    void multipartUploadStreamsTheFileAndReportsProgress(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pattern.bin");
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(5).nextBytes(content);
        Files.write(file, content);
        AtomicLong received = new AtomicLong();
        try (LoopbackServer server = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                try (InputStream in = Content.Source.asInputStream(request)) {
                    received.set(in.transferTo(OutputStream.nullOutputStream()));
                }
                Content.Sink.write(response, true, "{\"success\":true}", callback);
                return true;
            }
        })) {
            AtomicLong lastReported = new AtomicLong();
            AtomicInteger reports = new AtomicInteger();
            HttpAnswer answer = http.postMultipart(server.address(), "/api/upload", List.of(new FormField("name", "p1")),
                    new FilePart("file", "pattern.bin", "application/octet-stream", file), (sent, total) -> {
                        assertEquals(content.length, total);
                        lastReported.set(sent);
                        reports.incrementAndGet();
                    }, TIMEOUT, 1024);
            assertEquals(200, answer.status());
            assertTrue(received.get() > content.length, "the whole file and the form framing arrived: " + received.get());
            assertEquals(content.length, lastReported.get(), "progress reached the file size");
            assertTrue(reports.get() > 1, "progress came in steps: " + reports.get());
        }
    }

    @Test
    void aCancelledUploadStopsAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pattern.bin");
        Files.write(file, new byte[8 * 1024 * 1024]);
        try (LoopbackServer server = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                try (InputStream in = Content.Source.asInputStream(request)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException aborted) {
                    callback.failed(aborted);
                    return true;
                }
                Content.Sink.write(response, true, "{}", callback);
                return true;
            }
        })) {
            TransferProgress cancelAfterFirstChunk = new TransferProgress() {
                private volatile long sent;

                @Override
                public void transferred(long sentBytes, long totalBytes) {
                    sent = sentBytes;
                }

                @Override
                public boolean isCancelled() {
                    return sent > 0;
                }
            };
            UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> http.postMultipart(server.address(),
                    "/api/upload", List.of(), new FilePart("file", "pattern.bin", "application/octet-stream", file),
                    cancelAfterFirstChunk, TIMEOUT, 1024));
            assertEquals(DeviceError.CANCELLED, e.code());
        }
    }

    @Test
    void answersAreDecodedAsUtf8() throws Exception {
        String message = "{\"success\":true,\"message\":\"Pattern loaded: 8 LEDs × 6 frames (160 bytes)\"}";
        try (LoopbackServer server = new LoopbackServer(answering(200, "application/json", message))) {
            HttpAnswer answer = http.get(server.address(), "/api/upload", TIMEOUT, 1024);
            assertEquals(message, answer.body());
            assertEquals(StandardCharsets.UTF_8.encode(message).remaining(), answer.body().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
