package org.uploadbridge.licensing;

import org.uploadbridge.core.error.ErrorCode;

/** Licences that cannot be used, and features the licence in force does not include. Texts in {@code errors.properties}. */
public enum LicenceError implements ErrorCode {
    /** {0} the file, {1} what is wrong with it. */
    MALFORMED("UB-L001"),
    /** {0} the file. */
    SIGNATURE_INVALID("UB-L002"),
    /** {0} factors that differ, {1} factors in the licence, {2} their names, {3} how many may differ. */
    WRONG_MACHINE("UB-L003"),
    /** {0} expiry date, {1} grace days, {2} last day of grace. */
    EXPIRED("UB-L004"),
    /** {0} what was asked, {1} the entitlement it needs, {2} the edition in force. */
    NOT_ENTITLED("UB-L005"),
    /** {0} the edition in force, {1} devices it allows, {2} the device that would be one more. */
    DEVICE_LIMIT("UB-L006"),
    /** {0} the licence file, {1} the reason. */
    STORE_FAILED("UB-L007");

    private final String id;

    LicenceError(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
