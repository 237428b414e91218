package org.uploadbridge.net;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * HTTP to LED controllers, for firmware drivers (a DS service). Every request goes only to an
 * address the address policy allows, never follows a redirect, reads at most {@code maxBytes} of an
 * answer and fails with a catalogued {@link org.uploadbridge.core.device.DeviceError}. Connections
 * are pooled per device, at most {@value #CONNECTIONS_PER_DEVICE} at a time: small controllers
 * queue very few requests.
 */
public interface DeviceHttp {

    int CONNECTIONS_PER_DEVICE = 2;
    /** A generous bound for JSON answers of small controllers. */
    long DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

    HttpAnswer get(DeviceAddress address, String path, Duration timeout, long maxBytes) throws UploadBridgeException;

    /**
     * Like {@link #get}, with the answer's body as bytes, for files a device serves (e.g. a pattern
     * stored in its file system). Implementations of this interface are the product's; the default
     * only keeps older ones binary compatible.
     *
     * @since 0.2
     */
    default BinaryAnswer getBytes(DeviceAddress address, String path, Duration timeout, long maxBytes) throws UploadBridgeException {
        throw new UnsupportedOperationException("this DeviceHttp predates getBytes (SDK 0.2)");
    }

    /**
     * {@code GET path} as a driver's probe asks it (see {@code DeviceDriver.probe}): the answer when
     * the device answers 200 with JSON; empty when something else answers (a 404, a web page, a
     * 4xx); and, when whether it is a device cannot be told now, a catalogued error: transport
     * failures as {@link #get} throws them, a 5xx (busy, rebooting) as {@code UB-D007}, so that a
     * guarded caller tries again. Whether the JSON is the driver's firmware is the driver's to say.
     *
     * @since 0.2
     */
    default Optional<HttpAnswer> probeJson(DeviceAddress address, String path, Duration timeout) throws UploadBridgeException {
        HttpAnswer answer = get(address, path, timeout, DEFAULT_MAX_ANSWER_BYTES);
        if (answer.status() >= 500) {
            String body = answer.body().strip();
            throw new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, address, answer.status(),
                    body.isEmpty() ? "no message" : body.substring(0, Math.min(body.length(), 200)));
        }
        return answer.status() == 200 && answer.contentType().contains("json") ? Optional.of(answer) : Optional.empty();
    }

    HttpAnswer postJson(DeviceAddress address, String path, String json, Duration timeout, long maxBytes)
            throws UploadBridgeException;

    /**
     * Sends a multipart form with text fields and one file, streamed from disk (never loaded
     * whole), telling {@code progress} as bytes go out and aborting when it is cancelled.
     */
    default HttpAnswer postMultipart(DeviceAddress address, String path, List<FormField> fields, FilePart file,
            TransferProgress progress, Duration timeout, long maxBytes) throws UploadBridgeException {
        return postMultipart(address, path, fields, file, progress, timeout, maxBytes, bytes -> { });
    }

    /**
     * Like {@link #postMultipart(DeviceAddress, String, List, FilePart, TransferProgress, Duration, long)},
     * and shows {@code sentFileBytes} each chunk of the file, in order, as it goes out (read-only,
     * valid only during the call): e.g. to hash exactly what was sent without reading the file twice.
     */
    HttpAnswer postMultipart(DeviceAddress address, String path, List<FormField> fields, FilePart file,
            TransferProgress progress, Duration timeout, long maxBytes, Consumer<ByteBuffer> sentFileBytes)
            throws UploadBridgeException;

    /**
     * Whether something accepts TCP connections at the address within {@code timeout}: the cheap
     * first step of a subnet scan, before any HTTP. Policy-checked like every request.
     */
    boolean acceptsConnections(DeviceAddress address, Duration timeout) throws UploadBridgeException;

    /**
     * Parses a JSON answer into {@code type} (unknown fields are ignored); malformed JSON is a
     * catalogued {@code UB-D006}.
     */
    <T> T parseJson(DeviceAddress address, HttpAnswer answer, Class<T> type) throws UploadBridgeException;
}
