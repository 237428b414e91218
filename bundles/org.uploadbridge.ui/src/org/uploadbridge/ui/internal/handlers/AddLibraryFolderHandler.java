package org.uploadbridge.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.patterns.PatternsView;

/** File > Add Pattern Folder... (Ctrl+Shift+A): a folder joins the pattern library. */
public class AddLibraryFolderHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        DirectoryDialog dialog = new DirectoryDialog(window.getShell());
        dialog.setText("Add Pattern Folder");
        dialog.setMessage("Choose a folder with pattern files (.bin, .dat, .leds, raw RGB).");
        String folder = dialog.open();
        if (folder != null) {
            try {
                ((PatternsView) window.getActivePage().showView(PatternsView.ID)).addFolder(Path.of(folder));
            } catch (PartInitException e) {
                ErrorDialogs.show(window.getShell(), "Adding the pattern folder",
                        new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, e, "Patterns view", e.getMessage()));
            }
        }
        return null;
    }
}
