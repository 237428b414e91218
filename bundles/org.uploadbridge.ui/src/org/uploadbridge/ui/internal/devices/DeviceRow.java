package org.uploadbridge.ui.internal.devices;

import java.time.Instant;
import java.util.Optional;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;

/**
 * One device in the Devices view: its last known status, whether it answered the last time it
 * was asked, and the catalogued reason when it did not.
 */
public record DeviceRow(DeviceAddress address, Optional<DeviceStatus> status, State state, Instant lastSeen, String problem) {

    /**
     * Online answered the last request; offline did not; unknown has not been asked yet; no driver:
     * the firmware it runs has no driver installed now (its bundle was stopped or uninstalled).
     */
    public enum State { ONLINE, OFFLINE, UNKNOWN, NO_DRIVER }

    static DeviceRow online(DeviceStatus status) {
        return new DeviceRow(status.address(), Optional.of(status), State.ONLINE, Instant.now(), "");
    }

    DeviceRow offline(String why) {
        return new DeviceRow(address, status, State.OFFLINE, lastSeen, why);
    }

    /** The last known status stays, so the user still sees which firmware it needs. */
    DeviceRow withoutDriver() {
        return new DeviceRow(address, status, State.NO_DRIVER, lastSeen,
                "firmware " + status.map(DeviceStatus::firmwareId).orElse("?") + " is not installed");
    }

    /** The firmware id of its last known status, when it has one. */
    Optional<String> firmware() {
        return status.map(DeviceStatus::firmwareId);
    }

    static DeviceRow added(DeviceAddress address) {
        return new DeviceRow(address, Optional.empty(), State.UNKNOWN, null, "");
    }

    String name() {
        return status.map(DeviceStatus::name).orElse(address.host());
    }

    String patternText() {
        return status.map(s -> s.pattern().loaded()
                ? s.pattern().ledCount() + " LEDs x " + s.pattern().frameCount() + " frames" : "no pattern").orElse("");
    }
}
