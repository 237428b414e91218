package org.uploadbridge.simulator;

/** Which firmware a simulated device runs; it decides the HTTP API the device answers. */
public enum Firmware {
    /** The original Upload Bridge sketch: {@code /api/status}, {@code /api/upload} and the extensions. */
    CLASSIC,
    /** WLED: {@code /json}, {@code /upload}, {@code /edit}, {@code /update} and a DDP receiver on UDP. */
    WLED
}
