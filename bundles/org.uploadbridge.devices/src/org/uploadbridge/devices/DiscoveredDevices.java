package org.uploadbridge.devices;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.uploadbridge.core.device.DeviceStatus;

/**
 * Devices found by several means, merged: one entry per MAC address, or per address for a device
 * that reports no MAC. A device found again keeps its first status and gains the new source.
 * Thread-safe: scans and browses add from their own threads.
 */
public final class DiscoveredDevices {

    /** How a device was found. */
    public enum Source {
        SCAN, MDNS
    }

    /** One device and every way it was found. */
    public record Found(DeviceStatus status, Set<Source> sources) {
        public Found {
            sources = Set.copyOf(sources);
        }
    }

    private final Map<String, DeviceStatus> byKey = new LinkedHashMap<>();
    private final Map<String, Set<Source>> sourcesByKey = new LinkedHashMap<>();

    /** Adds a sighting; the device when it had not been found before, else empty. */
    public synchronized Optional<Found> add(DeviceStatus status, Source source) {
        String key = key(status);
        boolean isNew = !byKey.containsKey(key);
        byKey.putIfAbsent(key, status);
        sourcesByKey.computeIfAbsent(key, k -> EnumSet.noneOf(Source.class)).add(source);
        return isNew ? Optional.of(new Found(status, Set.of(source))) : Optional.empty();
    }

    /** Every device found so far, in the order they were first found. */
    public synchronized List<Found> devices() {
        List<Found> found = new ArrayList<>(byKey.size());
        byKey.forEach((key, status) -> found.add(new Found(status, sourcesByKey.get(key))));
        return found;
    }

    private static String key(DeviceStatus status) {
        return status.macAddress().map(mac -> "mac:" + mac).orElse("address:" + status.address());
    }
}
