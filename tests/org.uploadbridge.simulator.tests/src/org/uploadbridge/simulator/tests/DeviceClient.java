package org.uploadbridge.simulator.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.simulator.SimulatedDevice;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Talks HTTP/1.1 to simulated devices the way a client on the LAN would, with hand-made multipart bodies. */
final class DeviceClient {

    /** One answer: status, headers and the raw body bytes. */
    record Answer(int status, HttpHeaders headers, byte[] bytes) {

        Optional<String> contentType() {
            return headers.firstValue("Content-Type");
        }

        Optional<String> allow() {
            return headers.firstValue("Allow");
        }

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonObject json() {
            return JsonParser.parseString(body()).getAsJsonObject();
        }

        JsonElement jsonElement() {
            return JsonParser.parseString(body());
        }
    }

    /** A multipart/form-data body built by hand: text fields and file parts in order. */
    static final class Form {
        private final String boundary = "----UploadBridgeTest" + System.nanoTime();
        private final List<byte[]> parts = new ArrayList<>();

        Form file(String field, String fileName, byte[] content) {
            parts.add(part("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n", content));
            return this;
        }

        Form field(String name, String value) {
            parts.add(part("Content-Disposition: form-data; name=\"" + name + "\"\r\n", value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        private byte[] part(String headers, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    Answer get(SimulatedDevice device, String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(device, path)).GET());
    }

    Answer postJson(SimulatedDevice device, String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(device, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer post(SimulatedDevice device, String path, Form form) throws IOException {
        return send(HttpRequest.newBuilder(uri(device, path)).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    /** {@code POST} of a body of unknown length (sent chunked). */
    Answer postStreaming(SimulatedDevice device, String path, String contentType, InputStream body) throws IOException {
        return send(HttpRequest.newBuilder(uri(device, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
    }

    /** {@code POST /api/upload} with one file part named {@code file}. */
    Answer upload(SimulatedDevice device, String fileName, byte[] content) throws IOException {
        return post(device, "/api/upload", new Form().file("file", fileName, content));
    }

    Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static URI uri(SimulatedDevice device, String path) {
        return device.baseUri().resolve(path);
    }
}
