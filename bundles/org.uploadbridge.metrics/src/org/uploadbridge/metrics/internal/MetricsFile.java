package org.uploadbridge.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.log.Logger;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.io.CrashSafeFile;
import org.uploadbridge.core.io.InvalidContentException;
import org.uploadbridge.core.io.LoadResult;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The metrics file: the fading counts per device (never raw events), so its size is bounded by the
 * device cap. Kept in a {@link CrashSafeFile}: a damaged file is set aside and the previous version
 * restored; a file that cannot be read or set aside is never written over.
 */
final class MetricsFile {

    static final int VERSION = 1;

    /** The file's shape. {@code savedAt} is for people reading it. */
    private record Stored(int version, String savedAt, List<Entry> devices) {
    }

    private record Entry(String host, int port, DeviceStats.Counts counts) {
    }

    private final CrashSafeFile store;
    private final Clock clock;
    private final Logger log;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();
    /** Set when the file could not be read or set aside: then it is never written over. */
    private volatile boolean stuckInPlace;

    MetricsFile(Path file, Clock clock, Logger log) {
        this.store = new CrashSafeFile(file);
        this.clock = clock;
        this.log = log;
    }

    Path path() {
        return store.path();
    }

    /** The stored counts, in the order saved; empty on first start or when no version was valid. */
    Map<DeviceAddress, DeviceStats.Counts> load() {
        LoadResult<Map<DeviceAddress, DeviceStats.Counts>> loaded;
        try {
            loaded = store.read(this::parse);
        } catch (IOException e) {
            stuckInPlace = true;
            log.error("Cannot read the metrics {} or set them aside: {}; metrics start empty and are not saved until"
                    + " the next start, so the file is not written over", path(), e.getMessage());
            return new LinkedHashMap<>();
        }
        if (loaded.recovered()) {
            log.error("The metrics {}: {}", path(), loaded.report());
        } else if (!loaded.report().isEmpty()) {
            log.info("The metrics {}: {}", path(), loaded.report());
        }
        return loaded.value().orElseGet(LinkedHashMap::new);
    }

    void save(Map<DeviceAddress, DeviceStats.Counts> counts) throws IOException {
        if (stuckInPlace) {
            throw new IOException("the file could not be read or set aside at start; it is not written over");
        }
        List<Entry> entries = counts.entrySet().stream()
                .map(e -> new Entry(e.getKey().host(), e.getKey().port(), e.getValue())).toList();
        store.write(gson.toJson(new Stored(VERSION, Instant.now(clock).toString(), entries)).getBytes(StandardCharsets.UTF_8));
    }

    private Map<DeviceAddress, DeviceStats.Counts> parse(byte[] content) throws InvalidContentException {
        try {
            Stored stored = gson.fromJson(new String(content, StandardCharsets.UTF_8), Stored.class);
            if (stored == null || stored.version() != VERSION || stored.devices() == null) {
                throw new JsonParseException("not a version " + VERSION + " metrics file");
            }
            Map<DeviceAddress, DeviceStats.Counts> loaded = new LinkedHashMap<>();
            for (Entry e : stored.devices()) {
                if (e == null || e.counts() == null || !e.counts().valid()) {
                    throw new JsonParseException("an entry is incomplete or has impossible counts");
                }
                loaded.put(new DeviceAddress(e.host(), e.port()), e.counts());
            }
            return loaded;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidContentException(String.valueOf(e.getMessage()), e);
        }
    }
}
