package org.uploadbridge.ui.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.time.Duration;
import java.util.Dictionary;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogLevel;
import org.uploadbridge.logging.LogArea;
import org.uploadbridge.logging.LogFiles;
import org.uploadbridge.logging.LogLevels;
import org.uploadbridge.testing.OsgiServices;

/** The Logging page shows the levels in force and saves levels and file limits where the logging bundle reads them. */
class LoggingPreferencePageUiTest {

    private static final String PAGE = "org.uploadbridge.ui.preferences.logging";

    @Test
    void savedLevelsAndFileLimitsReachTheLoggingBundle() throws Exception {
        ConfigurationAdmin admin = OsgiServices.await(ConfigurationAdmin.class);
        LogLevels levels = OsgiServices.await(LogLevels.class);
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(), PAGE,
                new String[] {PAGE}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            LoggingPreferencePage prefs = (LoggingPreferencePage) dialog.getSelectedPage();
            assertEquals("INFO", text(prefs.levelCombo(LogArea.DEVICES)), "our areas log INFO by default");
            assertEquals("WARN", text(prefs.levelCombo(LogArea.LIBRARIES)), "third-party libraries WARN");
            assertEquals(5, prefs.fileSpinners()[0].getSelection());
            assertEquals(5, prefs.fileSpinners()[1].getSelection());

            select(prefs.levelCombo(LogArea.DEVICES), "DEBUG");
            select(prefs.levelCombo(LogArea.LIBRARIES), "ERROR");
            prefs.fileSpinners()[0].setSelection(2);
            prefs.fileSpinners()[1].setSelection(3);
            assertTrue(prefs.performOk());

            Dictionary<String, Object> saved = admin.getConfiguration(LoggingPreferencePage.PID, "?").getProperties();
            assertEquals("DEBUG", saved.get("level.devices"));
            assertEquals("ERROR", saved.get("level.libraries"));
            assertEquals("INFO", saved.get("level.network"));
            assertEquals(String.valueOf(2L * 1024 * 1024), saved.get(LogFiles.MAX_FILE_BYTES));
            assertEquals("3", saved.get(LogFiles.MAX_FILES));
            waitUntil("the new levels and limits in force", Duration.ofSeconds(10),
                    () -> levels.level(LogArea.DEVICES) == LogLevel.DEBUG && levels.level(LogArea.LIBRARIES) == LogLevel.ERROR
                            && OsgiServices.await(LogFiles.class).maxFiles() == 3);
            assertEquals(2L * 1024 * 1024, OsgiServices.await(LogFiles.class).maxFileBytes());

            prefs.performDefaults();
            assertTrue(prefs.performOk());
            waitUntil("the defaults back in force", Duration.ofSeconds(10),
                    () -> levels.level(LogArea.DEVICES) == LogLevel.INFO && levels.level(LogArea.LIBRARIES) == LogLevel.WARN
                            && OsgiServices.await(LogFiles.class).maxFiles() == LogFiles.DEFAULT_MAX_FILES);
        } finally {
            dialog.close();
            admin.getConfiguration(LoggingPreferencePage.PID, "?").delete();
        }
    }

    private static String text(Combo combo) {
        return combo.getItem(combo.getSelectionIndex());
    }

    private static void select(Combo combo, String item) {
        combo.select(combo.indexOf(item));
    }
}
