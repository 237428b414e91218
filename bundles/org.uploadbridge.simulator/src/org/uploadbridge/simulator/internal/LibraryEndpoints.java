package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.Extension;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The pattern library of extended builds, kept in flash ({@link DeviceMemory#LIBRARY_CAPACITY_BYTES}):
 * list, upload (multipart: the pattern file plus an optional {@code name} field), delete and select
 * (JSON {@code {"name":...}}). Uploads pass the same checks as {@code /api/upload}; selecting loads
 * the pattern into RAM, so the free heap applies then.
 */
final class LibraryEndpoints {

    static final String NO_SPACE = "Not enough space in library";
    static final String INVALID_NAME = "Invalid pattern name";
    static final String MISSING_NAME = "Missing pattern name";
    /** LittleFS keeps names to 31 bytes; no directories. */
    private static final Pattern VALID_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,31}");

    private LibraryEndpoints() {
    }

    static List<Endpoint.Route> routes() {
        return List.of(new Endpoint.Route("GET", "/api/library/list", Extension.LIBRARY, LibraryEndpoints::list),
                new Endpoint.Route("POST", "/api/library/upload", Extension.LIBRARY, LibraryEndpoints::upload),
                new Endpoint.Route("POST", "/api/library/delete", Extension.LIBRARY, LibraryEndpoints::delete),
                new Endpoint.Route("POST", "/api/library/select", Extension.LIBRARY, LibraryEndpoints::select));
    }

    /** {@code [{"name","size","leds","frames","active"}]}, in upload order. */
    private static void list(Exchange exchange) {
        DeviceMemory memory = exchange.memory();
        String active = memory.activeLibraryName().orElse(null);
        JsonArray list = new JsonArray();
        for (DeviceMemory.Stored stored : memory.library()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", stored.name());
            entry.addProperty("size", stored.size());
            entry.addProperty("leds", stored.leds());
            entry.addProperty("frames", stored.frames());
            entry.addProperty("active", stored.name().equals(active));
            list.add(entry);
        }
        exchange.json(200, list);
    }

    private static void upload(Exchange exchange) throws IOException, DeviceRefusal {
        LoopbackDevice device = exchange.device();
        DeviceProfile profile = device.profile();
        DeviceRefusal noSpace = new DeviceRefusal(500, NO_SPACE);
        FormData form = RequestBodies.readForm(exchange.request(),
                DeviceMemory.LIBRARY_CAPACITY_BYTES + ClassicEndpoints.BODY_SLACK_BYTES,
                new Throttle(profile.bandwidthBytesPerSecond()), noSpace);
        PatternCheck.Header header = ClassicEndpoints.checkPattern(form, profile);
        String name = form.field("name").map(String::trim).filter(field -> !field.isEmpty()).orElse(form.fileName());
        if (!VALID_NAME.matcher(name).matches()) {
            throw DeviceRefusal.badRequest(INVALID_NAME);
        }
        long size = form.file().length;
        if (!exchange.memory().store(new DeviceMemory.Stored(name, size, header.leds(), header.frames(), Sha256.hex(form.file())))) {
            throw noSpace;
        }
        exchange.success("Pattern saved: " + name + " (" + size + " bytes)");
    }

    private static void delete(Exchange exchange) throws IOException, DeviceRefusal {
        String name = requestedName(exchange);
        if (!exchange.memory().delete(name)) {
            throw notFound(name);
        }
        exchange.success("Pattern deleted: " + name);
    }

    private static void select(Exchange exchange) throws IOException, DeviceRefusal {
        String name = requestedName(exchange);
        LoopbackDevice device = exchange.device();
        DeviceMemory.Stored stored = exchange.memory().stored(name).orElseThrow(() -> notFound(name));
        if (stored.size() > device.profile().freeHeapBytes()) {
            throw ClassicEndpoints.allocationFailure();
        }
        exchange.memory().play(stored);
        exchange.success(ClassicMessages.patternLoaded(stored.leds(), stored.frames(), stored.size()));
    }

    private static String requestedName(Exchange exchange) throws IOException, DeviceRefusal {
        JsonObject body = RequestBodies.readJsonObject(exchange.request());
        return JsonFields.string(body, "name").filter(name -> !name.isBlank())
                .orElseThrow(() -> DeviceRefusal.badRequest(MISSING_NAME));
    }

    private static DeviceRefusal notFound(String name) {
        return new DeviceRefusal(404, "Pattern not found: " + name);
    }
}
