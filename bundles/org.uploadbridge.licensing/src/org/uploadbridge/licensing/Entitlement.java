package org.uploadbridge.licensing;

import java.util.Arrays;
import java.util.Optional;

/** A feature a licence may include, by its key in the licence document. */
public enum Entitlement {
    /** Uploading to several devices at once. */
    FLEET("fleet", "fleet upload"),
    /** Updating a device's firmware. */
    FIRMWARE_UPDATE("firmware_update", "firmware update"),
    /** Devices of firmwares supported by third-party bundles. */
    THIRD_PARTY_FIRMWARE("third_party_firmware", "third-party firmware");

    private final String key;
    private final String label;

    Entitlement(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Its key in the licence document, e.g. {@code firmware_update}. */
    public String key() {
        return key;
    }

    /** For people, e.g. "firmware update". */
    public String label() {
        return label;
    }

    public static Optional<Entitlement> ofKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}
