package org.uploadbridge.resilience.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.HttpAnswer;
import org.uploadbridge.testing.LoopbackServer;
import org.uploadbridge.testing.OsgiServices;

/**
 * A device on loopback that answers the statuses a test scripts (then {@code afterScript}), after
 * an optional delay, and records when each request arrived and how many were in flight at once.
 */
final class ScriptedDevice extends Handler.Abstract implements AutoCloseable {

    private final Deque<Integer> script = new ArrayDeque<>();
    private volatile int afterScript = 200;
    private volatile Duration delay = Duration.ZERO;
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final LoopbackServer server;
    private final DeviceHttp http = OsgiServices.await(DeviceHttp.class);

    ScriptedDevice() throws Exception {
        server = new LoopbackServer(this);
    }

    synchronized ScriptedDevice answer(int status, int times) {
        for (int i = 0; i < times; i++) {
            script.addLast(status);
        }
        return this;
    }

    ScriptedDevice thenAlways(int status) {
        afterScript = status;
        return this;
    }

    ScriptedDevice delay(Duration each) {
        delay = each;
        return this;
    }

    DeviceAddress address() {
        return server.address();
    }

    int requests() {
        return arrivals.size();
    }

    List<Long> arrivalNanos() {
        return List.copyOf(arrivals);
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    /** What a driver does: GET its status, a 5xx or 4xx is the device's failure. */
    String status() throws UploadBridgeException {
        HttpAnswer answer = http.get(address(), "/api/status", Duration.ofSeconds(5), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
        if (answer.status() != 200) {
            throw new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, address(), answer.status(), answer.body());
        }
        return answer.body();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        arrivals.add(System.nanoTime());
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(delay.toMillis());
        } finally {
            inFlight.decrementAndGet();
        }
        int status;
        synchronized (this) {
            status = script.isEmpty() ? afterScript : script.removeFirst();
        }
        response.setStatus(status);
        Content.Sink.write(response, true, status == 200 ? "{\"ok\":true}" : "{\"success\":false}", callback);
        return true;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
