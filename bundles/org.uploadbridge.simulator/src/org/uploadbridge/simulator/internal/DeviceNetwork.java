package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/** What a simulated device needs from the fleet it belongs to to go on- and offline. */
interface DeviceNetwork {

    /** Binds {@code address} and starts serving it; returns the bound channel. */
    ServerSocketChannel listen(InetSocketAddress address) throws IOException;

    /** Stops serving {@code channel}; its address refuses connections on return. */
    void unlisten(ServerSocketChannel channel) throws IOException;

    /** Closes every open connection to {@code localAddress}. */
    void closeConnections(InetSocketAddress localAddress);

    /** Runs {@code task} once after {@code delay} on a shared scheduler thread; it must not block. */
    void schedule(Runnable task, Duration delay);

    /**
     * Runs {@code task} on a pool thread, where it may block.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the fleet is closing
     */
    void execute(Runnable task);
}
