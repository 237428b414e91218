package org.uploadbridge.licensing;

/** Where the licence in force stands. */
public enum LicenceStatus {
    /** No licence installed: the free edition. */
    FREE,
    /** A licence applies. */
    VALID,
    /** The licence expired but is within its grace period: it applies, with warnings. */
    GRACE,
    /** The licence and its grace period ended: the free edition applies. */
    EXPIRED,
    /** The stored licence cannot be used here (changed, another machine): the free edition applies. */
    INVALID
}
