package org.uploadbridge.firmware.tck;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.testing.LoopbackServer;

/** Servers on loopback that are no device of any firmware, which every driver must tell apart. */
public final class ForeignServers {

    private ForeignServers() {
    }

    /** A plain web server: an HTML page with 200 for every path, as a router's admin page answers. */
    public static LoopbackServer plainWebServer() throws Exception {
        return new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
                Content.Sink.write(response, true, "<!DOCTYPE html><html><body><h1>It works!</h1></body></html>", callback);
                return true;
            }
        });
    }

    /**
     * Answers every request with a 302 to the same path on {@code target}: a hostile or misconfigured
     * host pointing the driver elsewhere. Drivers never follow redirects.
     */
    public static LoopbackServer redirectingTo(DeviceAddress target) throws Exception {
        return new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(302);
                response.getHeaders().put(HttpHeader.LOCATION, target.uri(Request.getPathInContext(request)).toString());
                callback.succeeded();
                return true;
            }
        });
    }
}
