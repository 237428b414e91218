package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.uploadbridge.simulator.FaultKind;

import com.google.gson.JsonElement;

/**
 * One request to one simulated device and the means to answer it the way the ESP web server does:
 * a complete body with Content-Length and {@code Connection: close} (the ESP8266 and ESP32
 * WebServer libraries close the connection after every response). An injected fault may garble
 * or drip the answer; an exchange whose answer is garbled works on a scratch copy of the device's
 * memory, so that the device keeps nothing of a request whose answer the client never got intact.
 */
final class Exchange {

    static final String JSON = "application/json";
    /** What an ESP32 prints when it crashes; a broken firmware sends such text in place of its JSON. */
    static final String GARBAGE = "Guru Meditation Error: Core  1 panic'ed (LoadProhibited). Exception was unhandled.\r\n";
    private static final String TEXT = "text/plain";
    private static final String HTML = "text/html";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final LoopbackDevice device;
    /** The fault that shapes the answer, or null. */
    private final FaultInjector.Injection answerFault;
    /** The memory a request with a garbled answer works on; null when it works on the device's own. */
    private final DeviceMemory scratch;

    Exchange(Request request, Response response, Callback callback, LoopbackDevice device,
            FaultInjector.Injection answerFault) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.device = device;
        this.answerFault = answerFault;
        this.scratch = garbles() ? device.memory().scratchCopy() : null;
    }

    Request request() {
        return request;
    }

    LoopbackDevice device() {
        return device;
    }

    /** The memory this request reads and changes. */
    DeviceMemory memory() {
        return scratch != null ? scratch : device.memory();
    }

    /** Starts the device's reboot (see {@link LoopbackDevice#reboot()}), unless the answer is garbled. */
    Runnable rebootAfterAnswer() {
        return scratch != null ? () -> { } : device.reboot();
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

    /** Answers, then runs {@code afterSent} once the response is written (or failed). */
    void text(int status, String body, Runnable afterSent) {
        send(status, TEXT, body, Callback.from(callback, afterSent));
    }

    void html(String body) {
        send(200, HTML, body, callback);
    }

    /** For a request that can no longer be answered (the connection broke while reading it). */
    void abort(Throwable failure) {
        callback.failed(failure);
    }

    /**
     * Closes the connection at once with a TCP reset (SO_LINGER 0), nothing answered; ends the
     * request as failed.
     */
    void resetConnection(String why) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        IOException failure = new IOException(why);
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // Already closed by the client: the close below is all that is left to do.
                failure.addSuppressed(e);
            }
        }
        endPoint.close(failure);
        callback.failed(failure);
    }

    /** Keeps Jetty's idle timeout from closing a connection held on purpose for {@code hold}. */
    void allowIdleFor(Duration hold) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        endPoint.setIdleTimeout(endPoint.getIdleTimeout() + hold.toMillis());
    }

    HttpFields.Mutable responseHeaders() {
        return response.getHeaders();
    }

    private boolean garbles() {
        return answerFault != null && answerFault.kind().needsJsonAnswer();
    }

    /** A file's bytes, as the device's file server sends them. */
    void file(String contentType, byte[] content) {
        send(200, contentType, content, callback);
    }

    private void send(int status, String contentType, String body, Callback done) {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8), done);
    }

    private void send(int status, String contentType, byte[] body, Callback done) {
        byte[] bytes = body;
        if (garbles() && JSON.equals(contentType)) {
            // Cut bytes, not characters: a too-small buffer can split a multi-byte character too.
            bytes = answerFault.kind() == FaultKind.TRUNCATED_JSON ? Arrays.copyOf(bytes, bytes.length / 2)
                    : GARBAGE.getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        // No charset parameter: the firmware sends none either; its JSON is UTF-8 all the same.
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
        if (answerFault != null && answerFault.kind() == FaultKind.SLOW_DRIP) {
            SlowDrip.write(response, bytes, answerFault.profile(), device.network(), done);
        } else {
            response.write(true, ByteBuffer.wrap(bytes), done);
        }
    }
}
