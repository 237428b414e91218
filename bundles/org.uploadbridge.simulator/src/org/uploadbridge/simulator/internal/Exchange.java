package org.uploadbridge.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.google.gson.JsonElement;

/**
 * One request to one simulated device and the means to answer it the way the ESP web server does:
 * a complete body with Content-Length and {@code Connection: close} (the ESP8266 and ESP32
 * WebServer libraries close the connection after every response).
 */
final class Exchange {

    static final String JSON = "application/json";
    private static final String TEXT = "text/plain";
    private static final String HTML = "text/html";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final LoopbackDevice device;

    Exchange(Request request, Response response, Callback callback, LoopbackDevice device) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.device = device;
    }

    Request request() {
        return request;
    }

    LoopbackDevice device() {
        return device;
    }

    void json(int status, JsonElement body) {
        send(status, JSON, Json.write(body), callback);
    }

    /** Answers, then runs {@code afterSent} once the response is written (or failed). */
    void json(int status, JsonElement body, Runnable afterSent) {
        send(status, JSON, Json.write(body), Callback.from(callback, afterSent));
    }

    void success(String message) {
        json(200, Json.result(true, message));
    }

    void refuse(DeviceRefusal refusal) {
        json(refusal.status(), Json.result(false, refusal.getMessage()));
    }

    void text(int status, String body) {
        send(status, TEXT, body, callback);
    }

    void html(String body) {
        send(200, HTML, body, callback);
    }

    /** For a request that can no longer be answered (the connection broke while reading it). */
    void abort(Throwable failure) {
        callback.failed(failure);
    }

    HttpFields.Mutable responseHeaders() {
        return response.getHeaders();
    }

    private void send(int status, String contentType, String body, Callback done) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        // No charset parameter: the firmware sends none either; its JSON is UTF-8 all the same.
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
        response.write(true, ByteBuffer.wrap(bytes), done);
    }
}
