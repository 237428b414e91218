package org.uploadbridge.ui.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.time.Duration;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.resilience.GuardSettings;
import org.uploadbridge.testing.OsgiServices;

/** The Retries and Quotas page shows the guard's settings, and what the user saves is what the guard uses. */
class ResiliencePreferencePageUiTest {

    private static final String PAGE = "org.uploadbridge.ui.preferences.resilience";

    @Test
    void savedSettingsReachTheGuardAndDefaultsRestoreThem() {
        DeviceGuard guard = OsgiServices.await(DeviceGuard.class);
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(), PAGE,
                new String[] {PAGE}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            ResiliencePreferencePage prefs = (ResiliencePreferencePage) dialog.getSelectedPage();
            Spinner uploadsPerHour = prefs.spinners().get(7);
            assertEquals(10, uploadsPerHour.getSelection(), "shows the guard's quota");
            uploadsPerHour.setSelection(250);
            prefs.spinners().get(10).setSelection(0); // no cooldown
            assertTrue(prefs.performOk());
            waitUntil("the guard to take the saved quota", Duration.ofSeconds(10), () -> guard.settings().uploadsPerHour() == 250);
            assertEquals(Duration.ZERO, guard.settings().cooldown());

            prefs.performDefaults();
            assertTrue(prefs.performOk());
            waitUntil("the guard to be back on its defaults", Duration.ofSeconds(10),
                    () -> guard.settings().equals(GuardSettings.defaults()));
        } finally {
            dialog.close();
        }
    }
}
