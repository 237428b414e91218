package org.uploadbridge.ui.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.uploadbridge.testing.OsgiServices;

/** The Network page saves where device traffic may go and where mDNS listens, for the services to read. */
class NetworkPreferencePageUiTest {

    private static final String PAGE = "org.uploadbridge.ui.preferences.network";

    @Test
    void savesThePolicyAndTheMdnsInterfacesWhereTheServicesReadThem() throws Exception {
        ConfigurationAdmin admin = OsgiServices.await(ConfigurationAdmin.class);
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(), PAGE,
                new String[] {PAGE}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            NetworkPreferencePage prefs = (NetworkPreferencePage) dialog.getSelectedPage();
            assertFalse(prefs.allowPublicButton().getSelection(), "LAN and loopback only by default");
            prefs.interfacesField().setText(" lo ");
            assertTrue(prefs.performOk());
            Configuration mdns = admin.getConfiguration(NetworkPreferencePage.MDNS_PID, "?");
            assertEquals("lo", mdns.getProperties().get(NetworkPreferencePage.INTERFACES));
            Configuration http = admin.getConfiguration(NetworkPreferencePage.HTTP_PID, "?");
            assertEquals("false", http.getProperties().get(NetworkPreferencePage.ALLOW_PUBLIC));
        } finally {
            dialog.close();
            admin.getConfiguration(NetworkPreferencePage.MDNS_PID, "?").delete();
            admin.getConfiguration(NetworkPreferencePage.HTTP_PID, "?").delete();
        }
    }
}
