package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceProfile;

import com.google.gson.JsonObject;

/** What every classic firmware answers: {@code GET /}, {@code GET /api/status}, {@code POST /api/upload}. */
final class ClassicEndpoints {

    /** Room above the free heap for a body before it is cut off: multipart overhead and honest slack. */
    static final long BODY_SLACK_BYTES = 4L << 20;
    /** The only path answered with HTML. */
    static final String PAGE_PATH = "/";

    private ClassicEndpoints() {
    }

    static List<Endpoint.Route> routes() {
        return List.of(new Endpoint.Route("GET", PAGE_PATH, null, ClassicEndpoints::page),
                new Endpoint.Route("GET", "/api/status", null, ClassicEndpoints::status),
                new Endpoint.Route("POST", "/api/upload", null, ClassicEndpoints::upload));
    }

    /** The most a pattern upload body may have on {@code profile}; more is an allocation failure. */
    static long uploadLimit(DeviceProfile profile) {
        return profile.freeHeapBytes() + BODY_SLACK_BYTES;
    }

    static DeviceRefusal allocationFailure() {
        return new DeviceRefusal(500, ClassicMessages.ALLOCATION_FAILED);
    }

    /** The firmware's checks and the device's heap; returns the accepted header. */
    static PatternCheck.Header checkPattern(FormData form, DeviceProfile profile) throws DeviceRefusal {
        if (!form.hasFile()) {
            throw DeviceRefusal.badRequest(ClassicMessages.NO_FILE);
        }
        PatternCheck.checkFileName(form.fileName());
        return PatternCheck.check(form.file(), profile.maxLeds());
    }

    private static void page(Exchange exchange) {
        exchange.html(DevicePage.html(exchange.device()));
    }

    private static void status(Exchange exchange) {
        LoopbackDevice device = exchange.device();
        DeviceMemory.Loaded loaded = exchange.memory().loaded().orElse(null);
        JsonObject status = new JsonObject();
        status.addProperty("status", loaded == null ? ClassicMessages.STATUS_EMPTY : ClassicMessages.STATUS_LOADED);
        status.addProperty("pattern_loaded", loaded != null);
        status.addProperty("num_leds", loaded == null ? 0 : loaded.leds());
        status.addProperty("num_frames", loaded == null ? 0 : loaded.frames());
        status.addProperty("pattern_size", loaded == null ? 0 : loaded.size());
        status.addProperty("wifi_mode", device.profile().wifiMode().name());
        status.addProperty("ssid", device.profile().ssid());
        status.addProperty("ip", device.ip());
        exchange.json(200, status);
    }

    private static void upload(Exchange exchange) throws IOException, DeviceRefusal {
        LoopbackDevice device = exchange.device();
        DeviceProfile profile = device.profile();
        FormData form = RequestBodies.readForm(exchange.request(), uploadLimit(profile),
                new Throttle(profile.bandwidthBytesPerSecond()), allocationFailure());
        PatternCheck.Header header = checkPattern(form, profile);
        long size = form.file().length;
        // The sketch mallocs the whole pattern once it has been checked.
        if (size > profile.freeHeapBytes()) {
            throw allocationFailure();
        }
        exchange.memory().play(new AcceptedPattern(form.fileName(), size, header.leds(), header.frames(),
                Sha256.hex(form.file()), Instant.now()));
        exchange.success(ClassicMessages.patternLoaded(header.leds(), header.frames(), size));
    }
}
