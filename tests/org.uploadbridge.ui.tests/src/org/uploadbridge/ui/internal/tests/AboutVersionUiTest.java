package org.uploadbridge.ui.internal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.ui.internal.handlers.InstallFirmwareBundleHandler;

/** The about dialog shows the version of the build: its {0} comes from about.mappings, filled in by the build. */
class AboutVersionUiTest {

    @Test
    void theAboutTextNamesTheBuildsVersion() throws Exception {
        Bundle ui = FrameworkUtil.getBundle(InstallFirmwareBundleHandler.class);
        URL mappings = ui.getEntry("about.mappings");
        assertNotNull(mappings, "about.mappings is at the root of " + ui.getSymbolicName());
        Properties values = new Properties();
        try (InputStream in = mappings.openStream()) {
            values.load(in);
        }
        assertEquals(ui.getVersion().toString(), values.getProperty("0"), "the build's qualified version, not a placeholder");
        String aboutText = null;
        for (IConfigurationElement product : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.core.runtime.products")) {
            if (!ui.getSymbolicName().equals(product.getContributor().getName())) {
                continue;
            }
            for (IConfigurationElement property : product.getChildren("property")) {
                if ("aboutText".equals(property.getAttribute("name"))) {
                    aboutText = property.getAttribute("value");
                }
            }
        }
        assertTrue(aboutText != null && aboutText.startsWith("Upload Bridge {0}"), "the about text shows {0}: " + aboutText);
    }
}
