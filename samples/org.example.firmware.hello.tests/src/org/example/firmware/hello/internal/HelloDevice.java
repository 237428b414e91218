package org.example.firmware.hello.internal;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.firmware.tck.ConformanceDevice;
import org.uploadbridge.testing.LoopbackServer;

/**
 * A simulated "hello" device on loopback: {@code GET /hello/status} and {@code POST /hello/pattern}
 * as the firmware answers them, with the faults the conformance kit asks for.
 */
final class HelloDevice implements ConformanceDevice {

    private static final int LEDS = 64;

    private final String name;
    private final LoopbackServer server;
    /** Kept: a stopped server no longer knows its port, and the kit asks for it after stop(). */
    private final DeviceAddress address;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicBoolean failNext = new AtomicBoolean();
    private final AtomicReference<Duration> stallNext = new AtomicReference<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** The last pattern accepted, and what the status reports of it; null while fresh. */
    private volatile byte[] accepted;
    private volatile Pattern playing;

    HelloDevice(String name) throws Exception {
        this.name = name;
        this.server = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                answer(request, response, callback);
                return true;
            }
        });
        this.address = server.address();
    }

    private void answer(Request request, Response response, Callback callback) throws Exception {
        requests.incrementAndGet();
        Duration stall = stallNext.getAndSet(null);
        if (stall != null) {
            Thread.sleep(stall.toMillis()); // a device that keeps quiet, not a test waiting
        }
        String path = Request.getPathInContext(request);
        if (failNext.getAndSet(false)) {
            send(response, callback, 503, "{\"ok\":false,\"message\":\"busy\"}");
        } else if ("GET".equals(request.getMethod()) && "/hello/status".equals(path)) {
            send(response, callback, 200, statusJson());
        } else if ("POST".equals(request.getMethod()) && "/hello/pattern".equals(path)) {
            accept(request, response, callback);
        } else {
            send(response, callback, 404, "{\"ok\":false,\"message\":\"no such endpoint\"}");
        }
    }

    private String statusJson() {
        Pattern p = playing;
        String pattern = p == null ? "{\"loaded\":false}"
                : "{\"loaded\":true,\"leds\":%d,\"frames\":%d,\"bytes\":%d}".formatted(p.ledCount(), p.frameCount(), accepted.length);
        return "{\"firmware\":\"hello\",\"name\":\"%s\",\"version\":\"1.0.0\",\"leds\":%d,\"pattern\":%s}".formatted(name, LEDS, pattern);
    }

    private void accept(Request request, Response response, Callback callback) throws Exception {
        byte[] file = patternPart(request);
        try {
            Pattern pattern = NativePatternCodec.decode(ByteBuffer.wrap(file), Path.of("upload.bin"), NativePatternCodec.MAX_PIXEL_BYTES);
            accepted = file;
            playing = pattern;
            send(response, callback, 200, "{\"ok\":true,\"message\":\"Playing %d LEDs x %d frames\"}"
                    .formatted(pattern.ledCount(), pattern.frameCount()));
        } catch (UploadBridgeException e) {
            send(response, callback, 400, "{\"ok\":false,\"message\":\"not a hello pattern\"}");
        }
    }

    /** The bytes of the multipart body's "pattern" part; empty when there is none. */
    private static byte[] patternPart(Request request) throws Exception {
        String boundary = MultiPart.extractBoundary(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxMemoryFileSize(Long.MAX_VALUE); // small test patterns stay in memory
        CompletableFuture<MultiPartFormData.Parts> parsed = new CompletableFuture<>();
        parser.parse(request, Promise.Invocable.toPromise(parsed));
        try (MultiPartFormData.Parts parts = parsed.get(10, TimeUnit.SECONDS)) {
            MultiPart.Part part = parts.getFirst("pattern");
            if (part == null) {
                return new byte[0];
            }
            ByteBuffer content = Content.Source.asByteBuffer(part.createContentSource());
            byte[] bytes = new byte[content.remaining()];
            content.get(bytes);
            return bytes;
        }
    }

    private static void send(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, json, callback);
    }

    @Override
    public DeviceAddress address() {
        return address;
    }

    @Override
    public long requestCount() {
        return requests.get();
    }

    @Override
    public boolean received(Path pattern) {
        try {
            byte[] last = accepted;
            return last != null && Arrays.equals(last, Files.readAllBytes(pattern));
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read " + pattern, e);
        }
    }

    @Override
    public void failNext() {
        failNext.set(true);
    }

    @Override
    public void stallNext(Duration stall) {
        stallNext.set(stall);
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop " + name, e);
            }
        }
    }
}
