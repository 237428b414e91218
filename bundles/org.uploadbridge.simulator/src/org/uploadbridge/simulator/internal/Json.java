package org.uploadbridge.simulator.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The device's JSON: compact, UTF-8, no HTML escaping (ArduinoJson escapes only what JSON needs). */
final class Json {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    static String write(JsonElement element) {
        return GSON.toJson(element);
    }

    /** {@code {"success":ok,"message":message}}, the shape of every upload and command answer. */
    static JsonObject result(boolean ok, String message) {
        JsonObject result = new JsonObject();
        result.addProperty("success", ok);
        result.addProperty("message", message);
        return result;
    }
}
