package org.uploadbridge.net.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.MultiPartRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.BinaryAnswer;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.FilePart;
import org.uploadbridge.net.FormField;
import org.uploadbridge.net.HttpAnswer;
import org.uploadbridge.validation.address.AddressPolicy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * {@link DeviceHttp} on one shared Jetty {@link HttpClient}. Configuration property
 * {@value PolicyGate#ALLOW_PUBLIC} (default false) lets traffic go to public addresses too.
 */
@Component(service = DeviceHttp.class, configurationPid = "org.uploadbridge.net")
public final class JettyDeviceHttp implements DeviceHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Chunk size for streaming files: large enough to keep loopback and LAN sockets busy. */
    private static final int FILE_CHUNK_BYTES = 64 * 1024;

    private final PolicyGate gate;
    private final HttpClient client;
    private final ByteBufferPool.Sized fileBuffers;
    private final Gson gson = new Gson();

    @Activate
    public JettyDeviceHttp(@Reference AddressPolicy policy, Map<String, Object> properties) throws Exception {
        this.gate = new PolicyGate(policy, properties);
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("uploadbridge-http");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setFollowRedirects(false); // a device that redirects is answered with UB-D004, never followed
        client.setMaxConnectionsPerDestination(CONNECTIONS_PER_DEVICE);
        client.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
        client.setUserAgentField(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty()); // controllers set no cookies: no matching per request
        Scheduler scheduler = new ScheduledExecutorScheduler("uploadbridge-http-scheduler", true);
        client.setScheduler(scheduler);
        client.setSocketAddressResolver(new LiteralAddressResolver(
                new SocketAddressResolver.Async(threads, scheduler, client.getAddressResolutionTimeout())));
        client.start();
        // Removed once started (start adds them). Controllers answer 401 without a WWW-Authenticate challenge (a WLED PIN lock): that is the
        // driver's status to read, not a protocol violation, and the client holds no credentials anyway.
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        // Pooled direct buffers for files: the default (fresh 8 KB heap buffers) makes a 64 MB upload
        // 8,000 read/write rounds and 64 MB of garbage, plus a copy of each into a direct buffer.
        fileBuffers = new ByteBufferPool.Sized(client.getByteBufferPool(), true, FILE_CHUNK_BYTES);
    }

    @Deactivate
    void stop() throws Exception {
        client.stop();
    }

    @Override
    public HttpAnswer get(DeviceAddress address, String path, Duration timeout, long maxBytes) throws UploadBridgeException {
        return send(address, "GET " + path, request(address, path, HttpMethod.GET), timeout, maxBytes);
    }

    @Override
    public HttpAnswer postJson(DeviceAddress address, String path, String json, Duration timeout, long maxBytes)
            throws UploadBridgeException {
        Request request = request(address, path, HttpMethod.POST)
                .body(new StringRequestContent("application/json", json, StandardCharsets.UTF_8));
        return send(address, "POST " + path, request, timeout, maxBytes);
    }

    @Override
    public HttpAnswer postMultipart(DeviceAddress address, String path, List<FormField> fields, FilePart file,
            TransferProgress progress, Duration timeout, long maxBytes, Consumer<ByteBuffer> sentFileBytes)
            throws UploadBridgeException {
        long total;
        try {
            total = Files.size(file.file());
        } catch (IOException e) {
            throw new UploadBridgeException(DeviceError.REJECTED, e, address, "cannot read " + file.file() + ": " + e.getMessage());
        }
        MultiPartRequestContent form = new MultiPartRequestContent();
        for (FormField field : fields) {
            form.addPart(new MultiPart.ContentSourcePart(field.name(), null, HttpFields.EMPTY,
                    new StringRequestContent(field.value())));
        }
        form.addPart(new MultiPart.ContentSourcePart(file.fieldName(), file.fileName(),
                HttpFields.build().put(HttpHeader.CONTENT_TYPE, file.contentType()),
                new ObservedContentSource(Content.Source.from(fileBuffers, file.file()), sentFileBytes)));
        form.close();
        AtomicLong sent = new AtomicLong();
        Request request = request(address, path, HttpMethod.POST).body(form)
                .onRequestContent((r, chunk) -> {
                    long now = Math.min(total, sent.addAndGet(chunk.remaining()));
                    progress.transferred(now, total);
                    if (progress.isCancelled()) {
                        r.abort(new CancelledByUser());
                    }
                });
        return send(address, "POST " + path, request, timeout, maxBytes);
    }

    @Override
    public boolean acceptsConnections(DeviceAddress address, Duration timeout) throws UploadBridgeException {
        gate.check(address);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address.host(), address.port()), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException nobodyThere) {
            return false; // refused, unreachable or silent: in a scan that just means "no device here"
        }
    }

    @Override
    public <T> T parseJson(DeviceAddress address, HttpAnswer answer, Class<T> type) throws UploadBridgeException {
        try {
            T value = gson.fromJson(answer.body(), type);
            if (value == null) {
                throw new UploadBridgeException(DeviceError.MALFORMED_RESPONSE, address, "the answer was empty");
            }
            return value;
        } catch (JsonParseException e) {
            throw new UploadBridgeException(DeviceError.MALFORMED_RESPONSE, e, address,
                    "invalid JSON (" + e.getMessage() + ")");
        }
    }

    private Request request(DeviceAddress address, String path, HttpMethod method) {
        return client.newRequest(address.uri(path)).method(method);
    }

    @Override
    public BinaryAnswer getBytes(DeviceAddress address, String path, Duration timeout, long maxBytes) throws UploadBridgeException {
        ContentResponse response = exchange(address, "GET " + path, request(address, path, HttpMethod.GET), timeout, maxBytes);
        String type = response.getMediaType();
        return new BinaryAnswer(response.getStatus(), type == null ? "" : type, response.getContent());
    }

    private HttpAnswer send(DeviceAddress address, String operation, Request request, Duration timeout, long maxBytes)
            throws UploadBridgeException {
        ContentResponse response = exchange(address, operation, request, timeout, maxBytes);
        String type = response.getMediaType();
        return new HttpAnswer(response.getStatus(), type == null ? "" : type, new String(response.getContent(), StandardCharsets.UTF_8));
    }

    /** Sends within the policy and the timeout, reads at most {@code maxBytes}, refuses redirects. */
    private ContentResponse exchange(DeviceAddress address, String operation, Request request, Duration timeout, long maxBytes)
            throws UploadBridgeException {
        gate.check(address);
        request.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<ContentResponse> future = new CompletableResponseListener(request, (int) Math.min(Integer.MAX_VALUE, maxBytes)).send();
        ContentResponse response;
        try {
            response = future.get(timeout.toMillis() + CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new UploadBridgeException(DeviceError.CANCELLED, e, address, operation);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new UploadBridgeException(DeviceError.TIMED_OUT, e, address, operation, timeout.toSeconds());
        } catch (ExecutionException e) {
            throw TransportFailures.translate(address, operation, timeout, maxBytes, e.getCause());
        }
        int status = response.getStatus();
        if (status >= 300 && status < 400) {
            String target = response.getHeaders().get(HttpHeader.LOCATION);
            throw new UploadBridgeException(DeviceError.REDIRECT_REFUSED, address, target == null ? "(no location)" : target);
        }
        return response;
    }

    /** The user cancelled a transfer: aborts the request, reported as {@code UB-D015}. */
    static final class CancelledByUser extends Exception {
        private static final long serialVersionUID = 1L;

        CancelledByUser() {
            super("cancelled by the user");
        }
    }
}
