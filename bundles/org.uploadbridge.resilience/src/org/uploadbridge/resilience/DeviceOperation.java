package org.uploadbridge.resilience;

/** The kinds of device call a guard tells apart: uploads count against quotas, the others do not. */
public enum DeviceOperation {
    STATUS, UPLOAD, FIRMWARE, LIBRARY, CONTROL;

    /** Whether this operation sends a payload the upload quotas apply to. */
    public boolean isTransfer() {
        return this == UPLOAD || this == FIRMWARE;
    }
}
