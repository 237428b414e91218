package org.uploadbridge.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Both exports parse back to the health they were made from, with the documented columns. */
class ExportTest {

    @TempDir
    Path dir;
    private final TestMetrics.MovableClock clock = new TestMetrics.MovableClock(TestMetrics.START);
    private MicrometerDeviceMetrics metrics;
    private final DeviceAddress a = TestMetrics.device(2);
    private final DeviceAddress b = new DeviceAddress("Porch-Lights.local", 80);

    @BeforeEach
    void record() {
        metrics = TestMetrics.open(dir.resolve("metrics.json"), clock);
        for (int i = 0; i < 9; i++) {
            metrics.uploadFinished(a, Duration.ofMillis(800), 120_000, Optional.empty());
            metrics.statusProbed(a, Duration.ofMillis(20 + 5 * i), true);
        }
        metrics.uploadFinished(a, Duration.ofSeconds(3), 120_000, Optional.of("UB-D014"));
        metrics.retried(a, "upload");
        clock.advance(Duration.ofMinutes(5));
        metrics.statusProbed(b, Duration.ofSeconds(5), false);
        metrics.breakerChanged(b, "CLOSED", "OPEN");
    }

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void csvHasTheDocumentedColumnsAndOneRowPerDevice() {
        String csv = metrics.exportCsv();
        assertTrue(csv.endsWith("\r\n"));
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals(String.join(",", HealthExport.CSV_COLUMNS), lines.get(0));
        assertEquals(3, lines.size(), "a header and two devices, IPv4 first");

        List<DeviceAddress> devices = List.of(a, b);
        for (int row = 0; row < devices.size(); row++) {
            String[] f = lines.get(row + 1).split(",", -1);
            assertEquals(HealthExport.CSV_COLUMNS.size(), f.length);
            DeviceAddress device = devices.get(row);
            DeviceHealth h = metrics.health(device);
            assertEquals(device.toString(), f[0]);
            assertEquals(device, new DeviceAddress(f[1], Integer.parseInt(f[2])));
            assertEquals(h.score(), Integer.parseInt(f[3]));
            assertEquals(h.uploadSuccessRate(), Double.parseDouble(f[4]), 0.5e-4);
            assertEquals(h.networkSuccessRate(), Double.parseDouble(f[5]), 0.5e-4);
            assertEquals(h.errorFactor(), Double.parseDouble(f[6]), 0.5e-4);
            assertEquals(h.uploads(), Long.parseLong(f[7]));
            assertEquals(h.failures(), Long.parseLong(f[8]));
            assertEquals(h.throughputBytesPerSecond(), Double.parseDouble(f[9]), 0.05);
            assertEquals(h.statusP50().toNanos() / 1e6, Double.parseDouble(f[10]), 0.5e-3);
            assertEquals(h.statusP95().toNanos() / 1e6, Double.parseDouble(f[11]), 0.5e-3);
            assertEquals(h.statusP99().toNanos() / 1e6, Double.parseDouble(f[12]), 0.5e-3);
            assertEquals(h.retries(), Long.parseLong(f[13]));
            assertEquals(h.breakerState(), f[14]);
            assertEquals(h.lastSeen().orElseThrow().toString(), f[15]);
        }
        assertEquals("OPEN", lines.get(2).split(",")[14]);
        assertEquals(150_000, Double.parseDouble(lines.get(1).split(",")[9]), 0.05, "9 x 120 kB in 9 x 0.8 s");
    }

    @Test
    void jsonHasOverallAndEveryDevice() {
        JsonObject root = JsonParser.parseString(metrics.exportJson()).getAsJsonObject();
        assertEquals(clock.instant().toString(), root.get("generatedAt").getAsString());
        assertEquals(3600, root.get("halfLifeSeconds").getAsLong());
        assertSame(metrics.overall(), root.getAsJsonObject("overall"));
        JsonArray devices = root.getAsJsonArray("devices");
        assertEquals(2, devices.size());
        for (int i = 0; i < 2; i++) {
            JsonObject d = devices.get(i).getAsJsonObject();
            DeviceAddress device = new DeviceAddress(d.get("host").getAsString(), d.get("port").getAsInt());
            assertEquals(metrics.devices().get(i), device);
            assertEquals(device.toString(), d.get("device").getAsString());
            assertSame(metrics.health(device), d);
        }
        MicrometerDeviceMetrics empty = TestMetrics.open(dir.resolve("empty.json"), clock);
        try {
            JsonObject none = JsonParser.parseString(empty.exportJson()).getAsJsonObject();
            assertTrue(none.getAsJsonObject("overall").get("lastSeen").isJsonNull(), "no data: lastSeen is null");
            assertEquals(100, none.getAsJsonObject("overall").get("score").getAsInt());
            assertEquals(0, none.getAsJsonArray("devices").size());
            assertEquals(String.join(",", HealthExport.CSV_COLUMNS) + "\r\n", empty.exportCsv());
        } finally {
            empty.close();
        }
    }

    private static void assertSame(DeviceHealth h, JsonObject o) {
        assertEquals(h.score(), o.get("score").getAsInt());
        assertEquals(h.uploadSuccessRate(), o.get("uploadSuccessRate").getAsDouble());
        assertEquals(h.networkSuccessRate(), o.get("networkSuccessRate").getAsDouble());
        assertEquals(h.errorFactor(), o.get("errorFactor").getAsDouble());
        assertEquals(h.uploads(), o.get("uploads").getAsLong());
        assertEquals(h.failures(), o.get("failures").getAsLong());
        assertEquals(h.throughputBytesPerSecond(), o.get("throughputBytesPerSecond").getAsDouble());
        assertEquals(h.statusP50().toNanos() / 1e6, o.get("statusP50Ms").getAsDouble());
        assertEquals(h.statusP95().toNanos() / 1e6, o.get("statusP95Ms").getAsDouble());
        assertEquals(h.statusP99().toNanos() / 1e6, o.get("statusP99Ms").getAsDouble());
        assertEquals(h.retries(), o.get("retries").getAsLong());
        assertEquals(h.breakerState(), o.get("breakerState").getAsString());
        assertEquals(h.lastSeen().orElseThrow().toString(), o.get("lastSeen").getAsString());
    }
}
