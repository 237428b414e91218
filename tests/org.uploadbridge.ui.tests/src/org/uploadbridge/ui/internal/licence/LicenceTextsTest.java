package org.uploadbridge.ui.internal.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.LicenceState;
import org.uploadbridge.licensing.LicenceStatus;

/** The indicator's words and attention for each state, including those a test cannot easily bring about in the workbench. */
class LicenceTextsTest {

    private static final LocalDate EXPIRES = LocalDate.of(2027, 10, 31);
    private static final Licence STUDIO = new Licence("UB-2026-0042", "Lumen Lighting Studio", "studio",
            new Entitlements(OptionalInt.empty(), Set.of(Entitlement.FLEET)), LocalDate.of(2026, 11, 1), Optional.of(EXPIRES), 30,
            Optional.empty());

    @Test
    void eachStateHasItsLineAndAttention() {
        assertEquals("Free edition", LicenceTexts.indicator(LicenceState.free()));
        assertEquals(IMessageProvider.NONE, LicenceTexts.severity(LicenceState.free()));

        LicenceState valid = applies(LicenceStatus.VALID, List.of());
        assertEquals("Studio licence", LicenceTexts.indicator(valid));
        assertEquals(IMessageProvider.NONE, LicenceTexts.severity(valid));
        assertEquals("no limit", LicenceTexts.devices(valid.entitlements()));

        LicenceState nearExpiry = applies(LicenceStatus.VALID, List.of("The licence expires on 2027-10-31 (6 day(s) left)"));
        assertEquals("Studio licence: expires 2027-10-31", LicenceTexts.indicator(nearExpiry));
        assertEquals(IMessageProvider.WARNING, LicenceTexts.severity(nearExpiry));

        LicenceState grace = applies(LicenceStatus.GRACE, List.of("The licence expired on 2027-10-31"));
        assertEquals("Studio licence: grace until 2027-11-30", LicenceTexts.indicator(grace));
        assertEquals(IMessageProvider.WARNING, LicenceTexts.severity(grace));

        UploadBridgeException moved = new UploadBridgeException(LicenceError.WRONG_MACHINE, 3, 5, "board, host, mac", 1);
        LicenceState invalid = new LicenceState(LicenceStatus.INVALID, Optional.empty(), "free", Entitlements.free(), Optional.empty(),
                List.of(moved.getMessage()), Optional.of(moved));
        assertEquals("Licence invalid: free edition", LicenceTexts.indicator(invalid));
        assertEquals(IMessageProvider.ERROR, LicenceTexts.severity(invalid));
        assertEquals("UB-L003 Licence is for another machine", LicenceTexts.problem(moved));

        UploadBridgeException ended = new UploadBridgeException(LicenceError.EXPIRED, EXPIRES, 30, EXPIRES.plusDays(30));
        LicenceState expired = new LicenceState(LicenceStatus.EXPIRED, Optional.of(STUDIO), "free", Entitlements.free(),
                Optional.of(EXPIRES.plusDays(30)), List.of(), Optional.of(ended));
        assertEquals("Licence expired: free edition", LicenceTexts.indicator(expired));
        assertEquals(IMessageProvider.ERROR, LicenceTexts.severity(expired));
    }

    private static LicenceState applies(LicenceStatus status, List<String> warnings) {
        return new LicenceState(status, Optional.of(STUDIO), "studio", STUDIO.entitlements(), Optional.of(EXPIRES.plusDays(30)), warnings,
                Optional.empty());
    }
}
