package org.uploadbridge.resilience;

import java.util.EnumMap;
import java.util.Map;

import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.TimeoutRule;

/**
 * The timeout rules per operation and whether they adapt to each device (configuration PID
 * {@value #PID}). Properties: {@value #ADAPTIVE}, and for each of {@code status}, {@code library},
 * {@code upload} and {@code firmware}: {@code .baseMs}, {@code .perMbMs}, {@code .minMs},
 * {@code .maxMs}. Control calls follow the status rule.
 *
 * @param adaptive whether timeouts follow each device's measured latency and throughput
 * @param rules the rule of each operation
 */
public record TimeoutSettings(boolean adaptive, Map<DeviceOperation, TimeoutRule> rules) {

    public static final String PID = "org.uploadbridge.resilience.timeouts";
    public static final String ADAPTIVE = "adaptive";
    /** The operations with rules of their own, as property prefixes; control calls use the status rule. */
    public static final Map<DeviceOperation, String> CONFIGURED = Map.of(DeviceOperation.STATUS, "status",
            DeviceOperation.LIBRARY, "library", DeviceOperation.UPLOAD, "upload", DeviceOperation.FIRMWARE, "firmware");

    public TimeoutSettings {
        EnumMap<DeviceOperation, TimeoutRule> all = new EnumMap<>(DeviceOperation.class);
        for (DeviceOperation operation : DeviceOperation.values()) {
            all.put(operation, rules.getOrDefault(operation, TimeoutRule.defaultFor(operation)));
        }
        all.put(DeviceOperation.CONTROL, all.get(DeviceOperation.STATUS));
        rules = Map.copyOf(all);
    }

    /** The rule of {@code operation}. */
    public TimeoutRule rule(DeviceOperation operation) {
        return rules.get(operation);
    }

    /** Adaptive, with the original tool's rules ({@link TimeoutRule#defaultFor}). */
    public static TimeoutSettings defaults() {
        return new TimeoutSettings(true, Map.of());
    }

    /** The property key of one part of an operation's rule, e.g. {@code upload.perMbMs}. */
    public static String key(DeviceOperation operation, String part) {
        return CONFIGURED.get(operation) + "." + part;
    }

    /** The defaults, with each property present in {@code properties} in its place. */
    public static TimeoutSettings from(Map<String, ?> properties) {
        EnumMap<DeviceOperation, TimeoutRule> rules = new EnumMap<>(DeviceOperation.class);
        for (DeviceOperation operation : CONFIGURED.keySet()) {
            TimeoutRule d = TimeoutRule.defaultFor(operation);
            rules.put(operation, new TimeoutRule(ConfigValues.millis(properties, key(operation, "baseMs"), d.base()),
                    ConfigValues.millis(properties, key(operation, "perMbMs"), d.perMegabyte()),
                    ConfigValues.millis(properties, key(operation, "minMs"), d.min()),
                    ConfigValues.millis(properties, key(operation, "maxMs"), d.max())));
        }
        return new TimeoutSettings(ConfigValues.bool(properties, ADAPTIVE, true), rules);
    }
}
