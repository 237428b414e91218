package org.uploadbridge.net.internal;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.eclipse.jetty.io.Content;

/**
 * A content source that shows every chunk it hands out to an observer first (read-only), so that
 * the bytes of an upload can be hashed as they are sent instead of reading the file twice.
 */
final class ObservedContentSource implements Content.Source {

    private final Content.Source source;
    private final Consumer<ByteBuffer> observer;

    ObservedContentSource(Content.Source source, Consumer<ByteBuffer> observer) {
        this.source = source;
        this.observer = observer;
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk chunk = source.read();
        if (chunk != null && chunk.hasRemaining()) {
            observer.accept(chunk.getByteBuffer().asReadOnlyBuffer());
        }
        return chunk;
    }

    @Override
    public long getLength() {
        return source.getLength();
    }

    @Override
    public void demand(Runnable demandCallback) {
        source.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
        source.fail(failure);
    }

    @Override
    public void fail(Throwable failure, boolean last) {
        source.fail(failure, last);
    }

    /** Never: the observer has seen the bytes once already. */
    @Override
    public boolean rewind() {
        return false;
    }
}
