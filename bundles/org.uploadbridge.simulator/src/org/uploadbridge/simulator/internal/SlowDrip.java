package org.uploadbridge.simulator.internal;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.uploadbridge.simulator.FaultProfile;

/**
 * Writes an answer a few bytes at a time with pauses between, as a device on a bad link does. The
 * pauses are scheduled, not slept: a dripping answer holds no thread, so many of them cannot starve
 * the fleet's other devices.
 */
final class SlowDrip {

    private final Response response;
    private final ByteBuffer body;
    private final int chunkBytes;
    private final Duration pause;
    private final DeviceNetwork network;
    private final Callback done;

    private SlowDrip(Response response, byte[] body, FaultProfile profile, DeviceNetwork network, Callback done) {
        this.response = response;
        this.body = ByteBuffer.wrap(body);
        this.chunkBytes = profile.dripChunkBytes();
        this.pause = profile.dripPause();
        this.network = network;
        this.done = done;
    }

    /** Starts writing {@code body} (headers already set); {@code done} completes after the last byte or on failure. */
    static void write(Response response, byte[] body, FaultProfile profile, DeviceNetwork network, Callback done) {
        new SlowDrip(response, body, profile, network, done).writeNextChunk();
    }

    private void writeNextChunk() {
        int size = Math.min(chunkBytes, body.remaining());
        ByteBuffer chunk = body.slice(body.position(), size);
        body.position(body.position() + size);
        boolean last = !body.hasRemaining();
        // The next chunk waits until this one is written: Jetty allows one write at a time.
        response.write(last, chunk, last ? done : Callback.from(() -> network.schedule(this::writeNextChunk, pause), done::failed));
    }
}
