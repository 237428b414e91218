package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.function.Function;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one handler of a fleet's server: finds the device by the local address the connection came
 * in on, counts the request, lets the device's faults have their say and its route table answer.
 * Blocking: uploads are read (and throttled) in the handler thread.
 */
final class DeviceHandler extends Handler.Abstract {

    private final Function<SocketAddress, LoopbackDevice> devices;
    private final RouteTable routes;

    DeviceHandler(Function<SocketAddress, LoopbackDevice> devices, RouteTable routes) {
        super(InvocationType.BLOCKING);
        this.devices = devices;
        this.routes = routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        LoopbackDevice device = devices.apply(request.getConnectionMetaData().getLocalSocketAddress());
        String path = request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath();
        if (device == null) {
            // Only the fleet's internal Jetty listener gets here: it is no device.
            new Exchange(request, response, callback, null, null).text(404, "Not found: " + path);
            return true;
        }
        // Every request that reaches the device counts, faulted or not.
        device.counters().count(path);
        if (device.isRebooting()) {
            new Exchange(request, response, callback, device, null).text(503, ClassicMessages.SERVICE_UNAVAILABLE);
            return true;
        }
        String method = request.getMethod();
        FaultInjector.Injection fault = device.faultInjector().decide(RequestBodies.hasBody(request),
                routes.answersJson(method, path));
        Exchange exchange = new Exchange(request, response, callback, device, fault);
        if (fault == null) {
            dispatch(exchange, method, path);
            return true;
        }
        switch (fault.kind()) {
            case RESET_MID_UPLOAD -> InjectedFaults.resetMidUpload(exchange);
            case SERVICE_UNAVAILABLE -> InjectedFaults.serviceUnavailable(exchange);
            case REBOOT -> InjectedFaults.reboot(exchange);
            case STALL -> InjectedFaults.stall(exchange, fault.profile().stallTime(), () -> answerAfterStall(exchange, method, path));
            // The exchange itself garbles or drips the answer.
            case TRUNCATED_JSON, INVALID_JSON, SLOW_DRIP -> dispatch(exchange, method, path);
        }
        return true;
    }

    /** A device that began a reboot while it held the request answers as rebooting devices do. */
    private void answerAfterStall(Exchange exchange, String method, String path) {
        if (exchange.device().isRebooting()) {
            exchange.text(503, ClassicMessages.SERVICE_UNAVAILABLE);
        } else {
            dispatch(exchange, method, path);
        }
    }

    private void dispatch(Exchange exchange, String method, String path) {
        try {
            routes.dispatch(exchange, method, path);
        } catch (DeviceRefusal refusal) {
            exchange.refuse(refusal);
        } catch (IOException e) {
            exchange.abort(e);
        }
    }
}
