package org.uploadbridge.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.patterns.PatternsView;

/** Reads every library folder again (F5). */
public class RefreshLibraryHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        try {
            ((PatternsView) HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().showView(PatternsView.ID)).refresh();
        } catch (PartInitException e) {
            ErrorDialogs.show(HandlerUtil.getActiveShell(event), "Refreshing the pattern library",
                    new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, e, "Patterns view", e.getMessage()));
        }
        return null;
    }
}
