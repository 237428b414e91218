package org.uploadbridge.simulator.internal;

import java.math.BigDecimal;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Typed reads of fields from a JSON command body; absent or wrongly typed fields are empty. */
final class JsonFields {

    private JsonFields() {
    }

    static Optional<String> string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value instanceof JsonPrimitive primitive && primitive.isString()
                ? Optional.of(primitive.getAsString())
                : Optional.empty();
    }

    /** A whole number (1.0 counts, 1.5 does not), as a BigDecimal so that no range is lost. */
    static Optional<BigDecimal> wholeNumber(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            return Optional.empty();
        }
        BigDecimal number;
        try {
            number = primitive.getAsBigDecimal();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0 ? Optional.of(number) : Optional.empty();
    }

    static Optional<Boolean> bool(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value instanceof JsonPrimitive primitive && primitive.isBoolean()
                ? Optional.of(primitive.getAsBoolean())
                : Optional.empty();
    }
}
