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
 * in on, counts the request and lets the device's route table answer. Blocking: uploads are read
 * (and throttled) in the handler thread.
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
        Exchange exchange = new Exchange(request, response, callback, device);
        String path = request.getHttpURI().getPath() == null ? "" : request.getHttpURI().getPath();
        if (device == null) {
            // Only the fleet's internal Jetty listener gets here: it is no device.
            exchange.text(404, "Not found: " + path);
            return true;
        }
        device.counters().count(path);
        if (device.isRebooting()) {
            exchange.text(503, "Service Unavailable");
            return true;
        }
        try {
            routes.dispatch(exchange, request.getMethod(), path);
        } catch (DeviceRefusal refusal) {
            exchange.refuse(refusal);
        } catch (IOException e) {
            exchange.abort(e);
        }
        return true;
    }
}
