package org.uploadbridge.logging;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.log.LogLevel;

/**
 * A part of the application whose log level is set on its own, through property
 * {@code level.<key>} of configuration PID {@code org.uploadbridge.logging} (values {@code ERROR},
 * {@code WARN}, {@code INFO}, {@code DEBUG}, {@code TRACE}). An area covers the bundles and logger
 * names that start with one of its prefixes; the longest matching prefix decides.
 */
public enum LogArea {
    APPLICATION("application", "Application (core, validation, metrics, logging)", LogLevel.INFO, "org.uploadbridge"),
    DEVICES("devices", "Devices and firmware drivers", LogLevel.INFO, "org.uploadbridge.devices", "org.uploadbridge.firmware"),
    NETWORK("network", "Network and discovery", LogLevel.INFO, "org.uploadbridge.net"),
    RESILIENCE("resilience", "Retries, circuit breakers and quotas", LogLevel.INFO, "org.uploadbridge.resilience"),
    UI("ui", "Workbench", LogLevel.INFO, "org.uploadbridge.ui"),
    SIMULATOR("simulator", "Device simulator", LogLevel.INFO, "org.uploadbridge.simulator"),
    // Chatty at INFO and rarely the cause: their warnings are enough unless support asks for more.
    LIBRARIES("libraries", "Third-party libraries (Jetty, JmDNS, Failsafe, Micrometer, Felix)", LogLevel.WARN,
            "org.eclipse.jetty", "javax.jmdns", "dev.failsafe", "io.micrometer", "org.apache");

    /** The levels an area can be set to, most severe first. */
    public static final List<LogLevel> LEVELS = List.of(LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG, LogLevel.TRACE);

    private final String key;
    private final String label;
    private final LogLevel defaultLevel;
    private final List<String> prefixes;

    LogArea(String key, String label, LogLevel defaultLevel, String... prefixes) {
        this.key = key;
        this.label = label;
        this.defaultLevel = defaultLevel;
        this.prefixes = List.of(prefixes);
    }

    public String key() {
        return key;
    }

    /** What the preference page calls it. */
    public String label() {
        return label;
    }

    public LogLevel defaultLevel() {
        return defaultLevel;
    }

    /** Bundle symbolic names and logger names this area covers (a prefix up to a dot, or the whole name). */
    public List<String> prefixes() {
        return prefixes;
    }

    /** The configuration property that holds this area's level: {@code level.<key>}. */
    public String property() {
        return "level." + key;
    }

    /** The area of a logger or bundle name: the one with the longest prefix of it, if any. */
    public static Optional<LogArea> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        LogArea best = null;
        int bestLength = -1;
        for (LogArea area : values()) {
            for (String prefix : area.prefixes) {
                if (covers(prefix, name) && prefix.length() > bestLength) {
                    best = area;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The level a configuration value names: one of {@link #LEVELS}, any case.
     *
     * @throws IllegalArgumentException for anything else, with the levels allowed
     */
    public static LogLevel parseLevel(Object value) {
        String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
        for (LogLevel level : LEVELS) {
            if (level.name().equals(text)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown log level '" + value + "': use one of " + LEVELS);
    }

    private static boolean covers(String prefix, String name) {
        return name.equals(prefix) || name.startsWith(prefix) && name.charAt(prefix.length()) == '.';
    }
}
