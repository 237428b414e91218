package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.uploadbridge.simulator.Extension;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Brightness, schedule and restart of extended builds.
 * <ul>
 * <li>{@code POST /api/brightness} {@code {"brightness":0..255}} (a whole number).</li>
 * <li>{@code GET /api/schedule} answers {@code {"enabled":bool,"entries":[...]}}; {@code POST} replaces
 * it: {@code enabled} optional boolean, {@code entries} optional array of at most
 * {@value #MAX_ENTRIES} objects, each with a {@code "time":"HH:MM"} (other fields kept as sent).</li>
 * <li>{@code POST /api/restart} answers, then reboots like an OTA update without a new firmware.</li>
 * </ul>
 */
final class SettingsEndpoints {

    static final int MAX_ENTRIES = 16;
    static final String BRIGHTNESS_RANGE = "Brightness must be between 0 and 255";
    static final String MISSING_BRIGHTNESS = "Missing brightness";
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final BigDecimal MAX_BRIGHTNESS = BigDecimal.valueOf(255);

    private SettingsEndpoints() {
    }

    static List<Endpoint.Route> routes() {
        return List.of(new Endpoint.Route("POST", "/api/brightness", Extension.BRIGHTNESS, SettingsEndpoints::brightness),
                new Endpoint.Route("GET", "/api/schedule", Extension.SCHEDULE, SettingsEndpoints::schedule),
                new Endpoint.Route("POST", "/api/schedule", Extension.SCHEDULE, SettingsEndpoints::saveSchedule),
                new Endpoint.Route("POST", "/api/restart", Extension.RESTART, SettingsEndpoints::restart));
    }

    private static void brightness(Exchange exchange) throws IOException, DeviceRefusal {
        JsonObject body = RequestBodies.readJsonObject(exchange.request());
        if (!body.has("brightness")) {
            throw DeviceRefusal.badRequest(MISSING_BRIGHTNESS);
        }
        BigDecimal requested = JsonFields.wholeNumber(body, "brightness")
                .orElseThrow(() -> DeviceRefusal.badRequest(BRIGHTNESS_RANGE));
        if (requested.signum() < 0 || requested.compareTo(MAX_BRIGHTNESS) > 0) {
            throw DeviceRefusal.badRequest(BRIGHTNESS_RANGE);
        }
        int value = requested.intValueExact();
        exchange.memory().brightness(value);
        JsonObject answer = Json.result(true, "Brightness set to " + value);
        answer.addProperty("brightness", value);
        exchange.json(200, answer);
    }

    private static void schedule(Exchange exchange) {
        exchange.json(200, exchange.memory().schedule());
    }

    private static void saveSchedule(Exchange exchange) throws IOException, DeviceRefusal {
        JsonObject body = RequestBodies.readJsonObject(exchange.request());
        boolean enabled = body.has("enabled")
                ? JsonFields.bool(body, "enabled").orElseThrow(() -> invalidSchedule("enabled must be true or false"))
                : false;
        JsonArray entries = body.has("entries") ? entries(body.get("entries")) : new JsonArray();
        JsonObject schedule = new JsonObject();
        schedule.addProperty("enabled", enabled);
        schedule.add("entries", entries);
        exchange.memory().schedule(schedule);
        exchange.success("Schedule saved (" + entries.size() + " entries)");
    }

    private static JsonArray entries(JsonElement value) throws DeviceRefusal {
        if (!value.isJsonArray()) {
            throw invalidSchedule("entries must be a list");
        }
        JsonArray entries = value.getAsJsonArray();
        if (entries.size() > MAX_ENTRIES) {
            throw invalidSchedule("at most " + MAX_ENTRIES + " entries");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonElement entry = entries.get(i);
            boolean timed = entry.isJsonObject()
                    && JsonFields.string(entry.getAsJsonObject(), "time").filter(time -> TIME.matcher(time).matches()).isPresent();
            if (!timed) {
                throw invalidSchedule("entry " + (i + 1) + " needs a time HH:MM");
            }
        }
        return entries;
    }

    private static void restart(Exchange exchange) {
        exchange.json(200, Json.result(true, "Restarting..."), exchange.rebootAfterAnswer());
    }

    private static DeviceRefusal invalidSchedule(String reason) {
        return DeviceRefusal.badRequest("Invalid schedule: " + reason);
    }
}
