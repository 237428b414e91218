package org.uploadbridge.simulator;

/**
 * The optional endpoints of extended "classic" firmware builds. A simulated device without an
 * extension answers its paths with 404, as a plain build does: clients must probe and treat 404 as
 * "not supported".
 */
public enum Extension {
    /** {@code GET /api/library/list}, {@code POST /api/library/upload|delete|select}. */
    LIBRARY,
    /** {@code GET /api/ota/status}, {@code POST /api/ota/update}. */
    OTA,
    /** {@code POST /api/brightness}. */
    BRIGHTNESS,
    /** {@code GET|POST /api/schedule}. */
    SCHEDULE,
    /** {@code POST /api/restart}. */
    RESTART
}
