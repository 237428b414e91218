package org.uploadbridge.testing;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.uploadbridge.core.device.DeviceAddress;

/** A real HTTP server on loopback, behaving the way a test needs a device (or a non-device) to behave. */
public final class LoopbackServer implements AutoCloseable {

    private final Server server = new Server();

    public LoopbackServer(Handler handler) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
    }

    public DeviceAddress address() {
        return new DeviceAddress("127.0.0.1", ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
