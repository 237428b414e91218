package org.uploadbridge.resilience;

import java.time.Duration;
import java.util.Map;

/** Reads the settings records' configuration properties: a missing key takes the default. */
final class ConfigValues {

    private ConfigValues() {
    }

    static int integer(Map<String, ?> properties, String key, int fallback) {
        return Integer.parseInt(text(properties, key, fallback));
    }

    static String text(Map<String, ?> properties, String key, Object fallback) {
        Object value = properties.get(key);
        return String.valueOf(value == null ? fallback : value).trim();
    }

    static Duration millis(Map<String, ?> properties, String key, Duration fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : Duration.ofMillis(Long.parseLong(String.valueOf(value).trim()));
    }

    static boolean bool(Map<String, ?> properties, String key, boolean fallback) {
        String value = text(properties, key, fallback);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false: " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
