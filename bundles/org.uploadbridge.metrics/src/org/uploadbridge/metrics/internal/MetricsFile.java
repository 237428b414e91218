package org.uploadbridge.metrics.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.log.Logger;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.io.AtomicFiles;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The metrics file: the fading counts per device (never raw events), so its size is bounded by the
 * device cap. Written atomically; a file that cannot be read is moved aside, never overwritten.
 */
final class MetricsFile {

    static final int VERSION = 1;

    /** The file's shape. {@code savedAt} is for people reading it. */
    private record Stored(int version, String savedAt, List<Entry> devices) {
    }

    private record Entry(String host, int port, DeviceStats.Counts counts) {
    }

    private final Path file;
    private final Clock clock;
    private final Logger log;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();
    /** Set when a damaged file could not be moved aside: then it is never written over. */
    private volatile boolean damagedInPlace;

    MetricsFile(Path file, Clock clock, Logger log) {
        this.file = file;
        this.clock = clock;
        this.log = log;
    }

    Path path() {
        return file;
    }

    /** The stored counts, in the order saved; empty on first start or when the file was damaged. */
    Map<DeviceAddress, DeviceStats.Counts> load() {
        Map<DeviceAddress, DeviceStats.Counts> loaded = new LinkedHashMap<>();
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException firstStart) {
            return loaded;
        } catch (IOException e) {
            // Unreadable now (permissions, I/O): leave it where it is, it may read next time.
            log.error("Cannot read the metrics {}: {}; starting without them", file, e.getMessage());
            return loaded;
        }
        try {
            Stored stored = gson.fromJson(json, Stored.class);
            if (stored == null || stored.version() != VERSION || stored.devices() == null) {
                throw new JsonParseException("not a version " + VERSION + " metrics file");
            }
            for (Entry e : stored.devices()) {
                if (e == null || e.counts() == null || !e.counts().valid()) {
                    throw new JsonParseException("an entry is incomplete or has impossible counts");
                }
                loaded.put(new DeviceAddress(e.host(), e.port()), e.counts());
            }
            return loaded;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            moveAside(e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    void save(Map<DeviceAddress, DeviceStats.Counts> counts) throws IOException {
        if (damagedInPlace) {
            throw new IOException("the damaged file is still in place; move it away to save metrics again");
        }
        List<Entry> entries = counts.entrySet().stream()
                .map(e -> new Entry(e.getKey().host(), e.getKey().port(), e.getValue())).toList();
        byte[] bytes = gson.toJson(new Stored(VERSION, Instant.now(clock).toString(), entries))
                .getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    private void moveAside(String problem) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + clock.millis());
        for (int n = 1; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".unreadable-" + clock.millis() + "-" + n);
        }
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            log.error("The metrics {} are damaged ({}); the file was moved to {} and metrics start empty", file, problem,
                    aside);
        } catch (IOException moveFailed) {
            damagedInPlace = true;
            log.error("The metrics {} are damaged ({}) and could not be moved aside ({}); metrics start empty and are"
                    + " not saved until the file is moved away", file, problem, moveFailed.getMessage());
        }
    }
}
