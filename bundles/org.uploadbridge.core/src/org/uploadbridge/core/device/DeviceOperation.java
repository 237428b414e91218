package org.uploadbridge.core.device;

/** The kinds of device call: each has its own timeouts, and transfers count against upload quotas. */
public enum DeviceOperation {
    STATUS, UPLOAD, FIRMWARE, LIBRARY, CONTROL;

    /** Whether this operation sends a payload the upload quotas apply to. */
    public boolean isTransfer() {
        return this == UPLOAD || this == FIRMWARE;
    }
}
