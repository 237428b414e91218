package org.uploadbridge.firmware.wled.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.LoadedPatternInfo;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.net.DeviceDatagrams;

/**
 * The patterns this driver plays on WLED devices, one stream per device. Starting a stream
 * replaces the device's previous one; {@link #stopAll()} ends them when the driver goes away, and
 * each device then returns to its own effect (WLED leaves realtime mode 2.5 s after the last packet).
 */
final class WledStreams {

    /** How long an upload waits for the first loop before it reports the stream as started. */
    static final long FIRST_LOOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final DeviceDatagrams datagrams;
    private final int ddpPort;
    private final Map<DeviceAddress, Playing> playing = new ConcurrentHashMap<>();

    /** A running stream and what it plays: the library name it came from, if any. */
    record Playing(PatternStream stream, Optional<String> libraryName) {
    }

    WledStreams(DeviceDatagrams datagrams, int ddpPort) {
        this.datagrams = datagrams;
        this.ddpPort = ddpPort;
    }

    /**
     * Starts streaming {@code pattern} (read from a file of {@code fileBytes} hashing to
     * {@code sha256}) and waits for its first loop, at most {@link #FIRST_LOOP_WAIT_NANOS}.
     */
    UploadReceipt play(DeviceAddress address, Pattern pattern, long fileBytes, String sha256, Optional<String> libraryName,
            TransferProgress progress) throws UploadBridgeException {
        stop(address);
        PatternStream stream = new PatternStream(address, pattern, datagrams.open(address, ddpPort), fileBytes, progress);
        playing.put(address, new Playing(stream, libraryName));
        stream.start();
        try {
            stream.firstLoop().get(FIRST_LOOP_WAIT_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException longLoop) {
            // A long pattern: its first frames are out and it keeps playing; the user need not wait for the loop.
        } catch (ExecutionException e) {
            stop(address);
            throw e.getCause() instanceof UploadBridgeException failure ? failure
                    : new UploadBridgeException(DeviceError.REJECTED, e.getCause(), address, "streaming failed: " + e.getCause());
        } catch (InterruptedException e) {
            stop(address);
            Thread.currentThread().interrupt();
            throw new UploadBridgeException(DeviceError.CANCELLED, e, address, "streaming");
        }
        progress.transferred(fileBytes, fileBytes);
        double fps = fps(pattern);
        return new UploadReceipt(String.format(java.util.Locale.ROOT,
                "Streaming over DDP: %d LEDs x %d frames at %.1f fps, looped until stopped", pattern.ledCount(),
                pattern.frameCount(), fps), fileBytes, sha256);
    }

    /** Stops the device's stream, if one runs. */
    void stop(DeviceAddress address) {
        Playing previous = playing.remove(address);
        if (previous != null) {
            previous.stream().stop();
        }
    }

    void stopAll() {
        playing.keySet().forEach(this::stop);
    }

    /** What the device plays from this driver: its stream's pattern while the stream runs. */
    LoadedPatternInfo loaded(DeviceAddress address) {
        Playing now = playing.get(address);
        if (now == null || !now.stream().isRunning()) {
            return LoadedPatternInfo.none();
        }
        Pattern pattern = now.stream().pattern();
        return new LoadedPatternInfo(true, pattern.ledCount(), pattern.frameCount(), now.stream().fileBytes());
    }

    /** The library name of the pattern the device plays, if it came from its library. */
    Optional<String> playingFromLibrary(DeviceAddress address) {
        Playing now = playing.get(address);
        return now == null || !now.stream().isRunning() ? Optional.empty() : now.libraryName();
    }

    /** The pattern's average rate, the delays as the stream keeps them. */
    static double fps(Pattern pattern) {
        long nanos = 0;
        for (int frame = 0; frame < pattern.frameCount(); frame++) {
            nanos += Math.max(PatternStream.MIN_FRAME_NANOS, TimeUnit.MILLISECONDS.toNanos(pattern.frameDelayMs(frame)));
        }
        return pattern.frameCount() * 1e9 / nanos;
    }

    /** Hex SHA-256 of a file's bytes. */
    static String sha256(DeviceAddress address, Path file) throws UploadBridgeException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UploadBridgeException(DeviceError.PATTERN_UNREADABLE, e, address, file, e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
