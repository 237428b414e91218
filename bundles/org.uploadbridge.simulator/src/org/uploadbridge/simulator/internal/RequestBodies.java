package org.uploadbridge.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Promise;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads request bodies with a bound on memory: a body over its limit is drained without being
 * kept (up to {@link #DRAIN_LIMIT}; beyond that the connection is simply closed after the answer)
 * and answered with the refusal the endpoint names, as a device that ran out of memory would.
 */
final class RequestBodies {

    /** Bytes of an over-long body read and thrown away so that the client still sees the answer. */
    static final long DRAIN_LIMIT = 64L << 20;
    /** The most a JSON command body may have. */
    static final int JSON_LIMIT = 16 << 10;

    private static final System.Logger LOG = System.getLogger(RequestBodies.class.getName());
    private static final int READ_CHUNK = 8 << 10;
    private static final int MAX_PARTS = 16;
    private static final long PARSE_TIMEOUT_SECONDS = 10;

    private RequestBodies() {
    }

    /**
     * The whole body, read no faster than {@code throttle} allows.
     *
     * @throws DeviceRefusal {@code tooLarge} when the body has more than {@code limit} bytes
     * @throws IOException when the connection breaks
     */
    static byte[] read(Request request, long limit, Throttle throttle, DeviceRefusal tooLarge)
            throws IOException, DeviceRefusal {
        long declared = request.getLength();
        if (declared > DRAIN_LIMIT) {
            throw tooLarge;
        }
        InputStream in = Request.asInputStream(request);
        if (declared > limit) {
            drain(in, 0);
            throw tooLarge;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : READ_CHUNK, limit));
        byte[] buffer = new byte[READ_CHUNK];
        throttle.start();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + (long) n > limit) {
                drain(in, body.size() + (long) n);
                throw tooLarge;
            }
            body.write(buffer, 0, n);
            throttle.consumed(n);
        }
        return body.toByteArray();
    }

    /**
     * A multipart/form-data body; {@link FormData#NO_UPLOAD} when it is not one (wrong content
     * type, no boundary, malformed), which the device answers as "no file".
     */
    static FormData readForm(Request request, long limit, Throttle throttle, DeviceRefusal tooLarge)
            throws IOException, DeviceRefusal {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String boundary = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                ? MultiPart.extractBoundary(contentType)
                : null;
        byte[] body = read(request, limit, throttle, tooLarge);
        return boundary == null || boundary.isEmpty() ? FormData.NO_UPLOAD : parseForm(body, boundary);
    }

    /** A JSON object body of at most {@link #JSON_LIMIT} bytes. */
    static JsonObject readJsonObject(Request request) throws IOException, DeviceRefusal {
        DeviceRefusal invalid = DeviceRefusal.badRequest(ClassicMessages.INVALID_JSON);
        byte[] body = read(request, JSON_LIMIT, new Throttle(0), invalid);
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw invalid;
        }
        if (!parsed.isJsonObject()) {
            throw invalid;
        }
        return parsed.getAsJsonObject();
    }

    /** Whether the request carries a body (a length above 0, or chunked). */
    static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Reads and drops about half of the body (one chunk of a body of unknown length), never all of a longer one. */
    static void readPart(Request request) throws IOException {
        long declared = request.getLength();
        long wanted = declared > 0 ? Math.clamp(declared / 2, 1, DRAIN_LIMIT) : READ_CHUNK;
        InputStream in = Request.asInputStream(request);
        byte[] buffer = new byte[READ_CHUNK];
        long read = 0;
        while (read < wanted) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - read));
            if (n < 0) {
                return;
            }
            read += n;
        }
    }

    /** Reads and drops the whole body (up to {@link #DRAIN_LIMIT}), so that the client gets to read the answer. */
    static void discard(Request request) throws IOException {
        if (request.getLength() <= DRAIN_LIMIT) {
            drain(Request.asInputStream(request), 0);
        }
    }

    private static FormData parseForm(byte[] body, String boundary) throws IOException {
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS);
        // The body is already bounded and in memory: keep every part there, never in a file.
        parser.setMaxMemoryFileSize(body.length + 1L);
        parser.setUseFilesForPartsWithoutFileName(false);
        MultiPartFormData.Parts parts;
        try {
            CompletableFuture<MultiPartFormData.Parts> parsed = new CompletableFuture<>();
            parser.parse(Content.Source.from(ByteBuffer.wrap(body)), Promise.Invocable.toPromise(parsed));
            parts = parsed.get(PARSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // A malformed body carries no upload the device could see: it answers "no file".
            LOG.log(System.Logger.Level.DEBUG, "malformed multipart body", e.getCause());
            return FormData.NO_UPLOAD;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing a multipart body", e);
        } catch (TimeoutException e) {
            throw new IOException("parsing an in-memory multipart body did not finish", e);
        }
        try (parts) {
            return toFormData(parts);
        }
    }

    private static FormData toFormData(MultiPartFormData.Parts parts) throws IOException {
        String fileName = null;
        byte[] file = new byte[0];
        Map<String, String> fields = new HashMap<>();
        for (MultiPart.Part part : parts) {
            if (part.getFileName() != null && fileName == null) {
                fileName = part.getFileName();
                ByteBuffer content = Content.Source.asByteBuffer(part.createContentSource());
                file = new byte[content.remaining()];
                content.get(file);
            } else if (part.getFileName() == null && part.getName() != null) {
                fields.putIfAbsent(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
            }
        }
        return new FormData(fileName, file, fields);
    }

    private static void drain(InputStream in, long alreadyRead) throws IOException {
        byte[] buffer = new byte[READ_CHUNK];
        long total = alreadyRead;
        for (int n = in.read(buffer); n >= 0 && total <= DRAIN_LIMIT; n = in.read(buffer)) {
            total += n;
        }
    }
}
