package org.uploadbridge.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.core.device.DeviceAddress;

/**
 * What happened on the way to each device, and how healthy each one looks because of it. Every
 * device call reports here (through {@code org.uploadbridge.devices}); the Health view, the CLI and
 * exports read it back. Calls are cheap and thread safe; recording never throws.
 *
 * <p>The health score, its time windows and the export columns are defined in
 * {@code docs/metrics.md}.
 */
public interface DeviceMetrics {

    /**
     * An upload ended.
     *
     * @param took from the first byte sent (or the attempt) to the verified end
     * @param bytes the pattern's size
     * @param errorCode the catalogued error that ended it, e.g. {@code "UB-D002"}; empty for success
     */
    void uploadFinished(DeviceAddress device, Duration took, long bytes, Optional<String> errorCode);

    /** A status request ended; {@code answered} is false when the device did not answer usefully in time. */
    void statusProbed(DeviceAddress device, Duration took, boolean answered);

    /** A call to the device is being tried again, e.g. {@code operation} "upload" or "status". */
    void retried(DeviceAddress device, String operation);

    /** The device's circuit breaker changed state, e.g. from "CLOSED" to "OPEN". */
    void breakerChanged(DeviceAddress device, String from, String to);

    /** The device's health now; a device with no data has {@link DeviceHealth#noData()}. */
    DeviceHealth health(DeviceAddress device);

    /** The fleet's health now: each tracked device counts the same. */
    DeviceHealth overall();

    /** The tracked devices, IPv4 addresses in numeric order first, then the others by name. */
    List<DeviceAddress> devices();

    /** Per-device health as CSV with a header row (columns in {@code docs/metrics.md}). */
    String exportCsv();

    /** Overall and per-device health as one JSON object (fields in {@code docs/metrics.md}). */
    String exportJson();
}
