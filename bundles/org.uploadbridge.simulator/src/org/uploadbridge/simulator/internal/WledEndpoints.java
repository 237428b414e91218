package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * WLED's JSON API: {@code GET /json}, {@code /json/info}, {@code /json/state}, {@code /json/si},
 * {@code /json/nodes}; {@code POST /json/state} applies {@code on} and {@code bri} and answers
 * {@code {"success":true}}, or the new state when the body asks with {@code "v":true}.
 */
final class WledEndpoints {

    /** WLED's error code for a body that is not JSON ({@code ERR_JSON}). */
    static final int ERR_JSON = 9;

    private WledEndpoints() {
    }

    /** Every route of a WLED device: the JSON API here, files and OTA in {@link WledFileEndpoints}. */
    static List<Endpoint.Route> routes() {
        return Stream.concat(Stream.of(new Endpoint.Route("GET", "/json", null, WledEndpoints::all),
                new Endpoint.Route("GET", "/json/info", null, WledEndpoints::info),
                new Endpoint.Route("GET", "/json/state", null, WledEndpoints::state),
                new Endpoint.Route("POST", "/json/state", null, WledEndpoints::setState),
                new Endpoint.Route("GET", "/json/si", null, WledEndpoints::stateAndInfo),
                new Endpoint.Route("GET", "/json/nodes", null, WledEndpoints::nodes)),
                WledFileEndpoints.routes().stream()).toList();
    }

    static WledLoopbackDevice device(Exchange exchange) {
        return (WledLoopbackDevice) exchange.device();
    }

    private static void all(Exchange exchange) {
        JsonObject all = stateAndInfoObject(exchange);
        all.add("effects", WledDocuments.effects());
        all.add("palettes", WledDocuments.palettes());
        exchange.json(200, all);
    }

    private static void info(Exchange exchange) {
        exchange.json(200, WledDocuments.info(device(exchange), exchange.memory()));
    }

    private static void state(Exchange exchange) {
        exchange.json(200, WledDocuments.state(device(exchange), exchange.memory().wled()));
    }

    private static void stateAndInfo(Exchange exchange) {
        exchange.json(200, stateAndInfoObject(exchange));
    }

    private static void nodes(Exchange exchange) {
        JsonObject nodes = new JsonObject();
        nodes.add("nodes", new com.google.gson.JsonArray());
        exchange.json(200, nodes);
    }

    private static JsonObject stateAndInfoObject(Exchange exchange) {
        JsonObject all = new JsonObject();
        all.add("state", WledDocuments.state(device(exchange), exchange.memory().wled()));
        all.add("info", WledDocuments.info(device(exchange), exchange.memory()));
        return all;
    }

    /**
     * {@code on}: true, false or {@code "t"} (toggle); {@code bri}: 0..255, clamped, where 0 turns
     * the light off and keeps the last brightness (as WLED does); {@code "rb":true} reboots after
     * answering. Other fields are accepted and ignored.
     */
    private static void setState(Exchange exchange) throws IOException {
        JsonObject body;
        try {
            body = RequestBodies.readJsonObject(exchange.request());
        } catch (DeviceRefusal notJson) {
            JsonObject error = new JsonObject();
            error.addProperty("error", ERR_JSON);
            exchange.json(400, error);
            return;
        }
        WledMemory wled = exchange.memory().wled();
        JsonElement on = body.get("on");
        if (on instanceof JsonPrimitive primitive && primitive.isBoolean()) {
            wled.on(primitive.getAsBoolean());
        } else if (on instanceof JsonPrimitive primitive && primitive.isString() && "t".equals(primitive.getAsString())) {
            wled.on(!wled.on());
        }
        JsonFields.wholeNumber(body, "bri").ifPresent(requested -> {
            int bri = requested.max(BigDecimal.ZERO).min(BigDecimal.valueOf(255)).intValue();
            if (bri == 0) {
                wled.on(false);
            } else {
                wled.brightness(bri);
            }
        });
        if (JsonFields.bool(body, "rb").orElse(false)) {
            JsonObject success = new JsonObject();
            success.addProperty("success", true);
            exchange.json(200, success, exchange.rebootAfterAnswer());
        } else if (JsonFields.bool(body, "v").orElse(false)) {
            exchange.json(200, WledDocuments.state(device(exchange), wled));
        } else {
            JsonObject success = new JsonObject();
            success.addProperty("success", true);
            exchange.json(200, success);
        }
    }
}
