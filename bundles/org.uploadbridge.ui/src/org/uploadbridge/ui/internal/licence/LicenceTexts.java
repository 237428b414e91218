package org.uploadbridge.ui.internal.licence;

import java.util.Locale;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.LicenceState;

/** The words for a licence state, shared by the Licence dialog and the status-bar indicator so both say the same. */
final class LicenceTexts {

    static final String FREE_LIMITS = "The free edition works with " + Entitlements.FREE_DEVICES
            + " devices, uploads to one device at a time and does not update firmware.";
    static final String HOW_TO_GET = "To get a licence, copy this machine's fingerprint below and send it to your vendor;"
            + " then choose Install... and pick the licence file you receive.";

    private LicenceTexts() {
    }

    /** One line for the status bar, e.g. "Studio licence: grace until 2027-11-30". */
    static String indicator(LicenceState state) {
        String licence = edition(state.edition()) + " licence";
        return switch (state.status()) {
            case FREE -> "Free edition";
            case VALID -> state.warnings().isEmpty() ? licence
                    : licence + state.licence().flatMap(Licence::expires).map(d -> ": expires " + d).orElse(": see warnings");
            case GRACE -> licence + ": grace until " + state.graceEnds().map(Object::toString).orElse("?");
            case EXPIRED -> "Licence expired: free edition";
            case INVALID -> "Licence invalid: free edition";
        };
    }

    /** Where the licence stands, in a sentence. */
    static String status(LicenceState state) {
        return switch (state.status()) {
            case FREE -> "No licence is installed: the free edition applies.";
            case VALID -> "Valid: the licence applies.";
            case GRACE -> "Expired, in its grace period until " + state.graceEnds().map(Object::toString).orElse("?")
                    + ": it still applies; renew it before then.";
            case EXPIRED -> "Expired and past its grace period: the free edition applies.";
            case INVALID -> "The installed licence cannot be used here: the free edition applies.";
        };
    }

    /** How much attention the state needs, as a JFace message type (none, warning, error). */
    static int severity(LicenceState state) {
        return switch (state.status()) {
            case EXPIRED, INVALID -> IMessageProvider.ERROR;
            case GRACE -> IMessageProvider.WARNING;
            case VALID -> state.warnings().isEmpty() ? IMessageProvider.NONE : IMessageProvider.WARNING;
            case FREE -> IMessageProvider.NONE;
        };
    }

    /** An edition's name for people: "studio" becomes "Studio". */
    static String edition(String edition) {
        return edition.isEmpty() ? edition : edition.substring(0, 1).toUpperCase(Locale.ROOT) + edition.substring(1);
    }

    static String devices(Entitlements entitlements) {
        return entitlements.maxDevices().isPresent() ? Integer.toString(entitlements.maxDevices().getAsInt()) : "no limit";
    }

    static String feature(Entitlements entitlements, Entitlement feature) {
        return entitlements.includes(feature) ? "included" : "not included";
    }

    /** A catalogued problem by its code and title, e.g. "UB-L003 Licence is for another machine". */
    static String problem(UploadBridgeException problem) {
        return problem.entry().code() + " " + problem.entry().title();
    }

    static String grace(Licence licence, LicenceState state) {
        if (licence.expires().isEmpty()) {
            return "not needed (does not expire)";
        }
        return licence.graceDays() + " day(s) after expiry" + state.graceEnds().map(d -> ", until " + d).orElse("");
    }
}
