package org.uploadbridge.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.FirmwareBundles;
import org.uploadbridge.ui.internal.common.ErrorDialogs;

/**
 * File > Install Firmware Bundle...: copies a third party's firmware bundle into the firmware
 * folder, where the running workbench installs and starts it; its devices then appear in the
 * Devices view without a restart.
 */
public class InstallFirmwareBundleHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveWorkbenchWindow(event).getShell();
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Install Firmware Bundle");
        dialog.setFilterExtensions(new String[] { "*.jar" });
        dialog.setFilterNames(new String[] { "Firmware bundles (*.jar)" });
        String chosen = dialog.open();
        if (chosen != null) {
            install(shell, Path.of(chosen));
        }
        return null;
    }

    /** Installs {@code jar}, telling the user how it went. */
    static void install(Shell shell, Path jar) {
        try {
            Path folder = FirmwareBundles.folder(FrameworkUtil.getBundle(InstallFirmwareBundleHandler.class).getBundleContext())
                    .orElseThrow(() -> new UploadBridgeException(ApplicationError.NOT_A_FIRMWARE_BUNDLE, jar.getFileName(),
                            "this installation watches no firmware folder"));
            String bundle = FirmwareBundles.install(jar, folder);
            MessageDialog.openInformation(shell, "Firmware Bundle Installed", bundle + " is in the firmware folder " + folder
                    + ".\n\nUpload Bridge starts it within a second; its devices then appear in the Devices view"
                    + " (Discover... finds new ones). To remove it, delete the file there.");
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(shell, "Installing a firmware bundle", e);
        }
    }
}
