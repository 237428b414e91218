package org.uploadbridge.validation;

/** How much a finding matters: an {@link #ERROR} blocks an upload, the others inform the user. */
public enum Severity {
    /** The device would refuse or fail on this input: do not upload. */
    ERROR,
    /** The device accepts it, but it probably will not look or behave as intended. */
    WARNING,
    /** Worth knowing, nothing to fix (e.g. an estimate). */
    INFO
}
