package org.uploadbridge.ui.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.time.Duration;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.testing.OsgiServices;

/** The Timeouts page shows the rules in force, and what the user saves is what the drivers get. */
class TimeoutsPreferencePageUiTest {

    private static final String PAGE = "org.uploadbridge.ui.preferences.timeouts";
    private static final DeviceAddress UNSEEN = new DeviceAddress("127.99.0.1", 80);
    private static final long MEGABYTE = 1024 * 1024;

    @Test
    void savedRulesReachTheDriversAndNonsenseIsRefused() {
        DeviceTimeouts timeouts = OsgiServices.await(DeviceTimeouts.class);
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(), PAGE,
                new String[] {PAGE}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            TimeoutsPreferencePage prefs = (TimeoutsPreferencePage) dialog.getSelectedPage();
            assertTrue(prefs.adaptiveButton().getSelection(), "adaptive by default");
            assertEquals(50, prefs.spinner(DeviceOperation.UPLOAD, "perMbMs").getSelection(), "5.0 s per MB, in tenths");
            prefs.spinner(DeviceOperation.UPLOAD, "perMbMs").setSelection(80);
            prefs.adaptiveButton().setSelection(false);
            assertTrue(prefs.performOk());
            waitUntil("uploads to get 8 s per MB", Duration.ofSeconds(10),
                    () -> timeouts.timeout(UNSEEN, DeviceOperation.UPLOAD, MEGABYTE).equals(Duration.ofSeconds(18)));

            prefs.spinner(DeviceOperation.STATUS, "minMs").setSelection(200); // 20 s at least, 15 s at most
            assertFalse(prefs.performOk(), "a minimum above the maximum is not saved");
            assertNotNull(prefs.getErrorMessage());
            assertEquals(Duration.ofSeconds(5), timeouts.timeout(UNSEEN, DeviceOperation.STATUS, 0), "the rules in force stay");

            prefs.performDefaults();
            assertTrue(prefs.performOk());
            waitUntil("the default rules to be back", Duration.ofSeconds(10),
                    () -> timeouts.timeout(UNSEEN, DeviceOperation.UPLOAD, MEGABYTE).equals(Duration.ofSeconds(15)));
        } finally {
            dialog.close();
        }
    }
}
