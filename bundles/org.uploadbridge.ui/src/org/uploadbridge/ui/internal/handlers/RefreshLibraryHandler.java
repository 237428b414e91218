package org.uploadbridge.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.uploadbridge.ui.internal.patterns.PatternsView;

/** Reads every library folder again (F5). */
public class RefreshLibraryHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            ((PatternsView) HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().showView(PatternsView.ID)).refresh();
        } catch (PartInitException e) {
            throw new ExecutionException("The Patterns view could not be shown", e);
        }
        return null;
    }
}
