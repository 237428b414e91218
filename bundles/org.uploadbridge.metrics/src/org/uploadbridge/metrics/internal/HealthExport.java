package org.uploadbridge.metrics.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Health as CSV and JSON; the columns and fields are documented in {@code docs/metrics.md}. */
final class HealthExport {

    /** One device's row. */
    record Row(DeviceAddress device, DeviceHealth health) {
    }

    static final List<String> CSV_COLUMNS = List.of("device", "host", "port", "score", "upload_success_rate",
            "network_success_rate", "error_factor", "uploads", "failures", "throughput_bytes_per_second",
            "status_p50_ms", "status_p95_ms", "status_p99_ms", "retries", "breaker_state", "last_seen");

    private HealthExport() {
    }

    /** RFC 4180: CRLF line ends, a header row, fields quoted only when they need it. */
    static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Row row : rows) {
            DeviceHealth h = row.health();
            List<String> fields = List.of(row.device().toString(), row.device().host(), Integer.toString(row.device().port()),
                    Integer.toString(h.score()), fixed(h.uploadSuccessRate(), 4), fixed(h.networkSuccessRate(), 4),
                    fixed(h.errorFactor(), 4), Long.toString(h.uploads()), Long.toString(h.failures()),
                    fixed(h.throughputBytesPerSecond(), 1), fixed(millis(h.statusP50()), 3), fixed(millis(h.statusP95()), 3),
                    fixed(millis(h.statusP99()), 3), Long.toString(h.retries()), h.breakerState(),
                    h.lastSeen().map(Instant::toString).orElse(""));
            out.append(String.join(",", fields.stream().map(HealthExport::quoted).toList())).append("\r\n");
        }
        return out.toString();
    }

    static String json(DeviceHealth overall, List<Row> rows, Instant generatedAt, Duration halfLife) {
        JsonObject root = new JsonObject();
        root.addProperty("generatedAt", generatedAt.toString());
        root.addProperty("halfLifeSeconds", halfLife.toSeconds());
        root.add("overall", fields(new JsonObject(), overall));
        JsonArray devices = new JsonArray();
        for (Row row : rows) {
            JsonObject device = new JsonObject();
            device.addProperty("device", row.device().toString());
            device.addProperty("host", row.device().host());
            device.addProperty("port", row.device().port());
            devices.add(fields(device, row.health()));
        }
        root.add("devices", devices);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root);
    }

    private static JsonObject fields(JsonObject o, DeviceHealth h) {
        o.addProperty("score", h.score());
        o.addProperty("uploadSuccessRate", h.uploadSuccessRate());
        o.addProperty("networkSuccessRate", h.networkSuccessRate());
        o.addProperty("errorFactor", h.errorFactor());
        o.addProperty("uploads", h.uploads());
        o.addProperty("failures", h.failures());
        o.addProperty("throughputBytesPerSecond", h.throughputBytesPerSecond());
        o.addProperty("statusP50Ms", millis(h.statusP50()));
        o.addProperty("statusP95Ms", millis(h.statusP95()));
        o.addProperty("statusP99Ms", millis(h.statusP99()));
        o.addProperty("retries", h.retries());
        o.addProperty("breakerState", h.breakerState());
        o.add("lastSeen", h.lastSeen().<JsonElement>map(t -> new JsonPrimitive(t.toString()))
                .orElse(JsonNull.INSTANCE));
        return o;
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
