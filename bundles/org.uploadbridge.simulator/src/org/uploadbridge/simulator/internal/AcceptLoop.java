package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Accepts connections on the listening sockets of all devices of a fleet with one selector thread,
 * and hands each accepted connection to Jetty.
 *
 * <p>Why not one Jetty connector per device: every connector's selector pins a pool thread, so 500
 * devices would need 500 threads. Why not Jetty's own acceptor on these sockets: a registered
 * channel is only really closed when its selector next wakes up, so a stopped device could still
 * accept a connection or two. Here {@link #unlisten} runs on the selector thread and returns once
 * the socket is closed: a stopped device refuses connections at once.
 */
final class AcceptLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AcceptLoop.class.getName());
    private static final int BACKLOG = 128;
    private static final long TASK_TIMEOUT_SECONDS = 10;

    /** Work the selector thread does between selects. */
    @FunctionalInterface
    private interface SelectorTask {
        void run() throws IOException;
    }

    private record Pending(SelectorTask task, CompletableFuture<Void> done) {
    }

    private final Selector selector;
    private final Consumer<SocketChannel> handOff;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /** @param handOff takes ownership of every accepted connection (already non-blocking) */
    AcceptLoop(String threadName, Consumer<SocketChannel> handOff) throws IOException {
        this.selector = Selector.open();
        this.handOff = handOff;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Binds {@code address} and accepts on it; returns the bound channel. */
    ServerSocketChannel listen(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            // A device that comes back must rebind at once, even with connections in TIME_WAIT.
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, BACKLOG);
            channel.configureBlocking(false);
            onSelectorThread(() -> channel.register(selector, SelectionKey.OP_ACCEPT));
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Stops accepting on {@code channel} and closes it; the address refuses connections on return. */
    void unlisten(ServerSocketChannel channel) throws IOException {
        onSelectorThread(() -> {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) {
                key.cancel();
                // Deregisters the cancelled key now, so that close() below frees the socket at once.
                selector.selectNow();
            }
            channel.close();
        });
    }

    /** Closes every listening socket and ends the thread. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(TASK_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onSelectorThread(SelectorTask task) throws IOException {
        if (closed) {
            throw new IOException("the simulator's accept loop is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(new Pending(task, done));
        selector.wakeup();
        try {
            done.get(TASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the accept loop");
        } catch (TimeoutException e) {
            throw new IOException("the accept loop did not answer within " + TASK_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("accept loop task failed", e.getCause());
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select();
                runPending();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        acceptAll((ServerSocketChannel) key.channel());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(System.Logger.Level.WARNING, "simulator accept loop stopped", e);
        } finally {
            shutDown();
        }
    }

    private void runPending() {
        for (Pending next = pending.poll(); next != null; next = pending.poll()) {
            try {
                next.task().run();
                next.done().complete(null);
            } catch (IOException | RuntimeException e) {
                next.done().completeExceptionally(e);
            }
        }
    }

    private void acceptAll(ServerSocketChannel server) {
        while (true) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                // e.g. out of file descriptors: the device refuses this one, as a full ESP would
                LOG.log(System.Logger.Level.WARNING, "accept failed on " + server, e);
                return;
            }
            if (connection == null) {
                return;
            }
            try {
                connection.configureBlocking(false);
                connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
                handOff.accept(connection);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not hand over a connection to the simulator", e);
                closeQuietly(connection, e);
            }
        }
    }

    private void shutDown() {
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel(), null);
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the simulator's selector failed", e);
        }
        for (Pending next = pending.poll(); next != null; next = pending.poll()) {
            next.done().completeExceptionally(new IOException("the simulator's accept loop is closed"));
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel, Exception cause) {
        try {
            channel.close();
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.log(System.Logger.Level.WARNING, "closing " + channel + " failed", e);
            }
        }
    }
}
