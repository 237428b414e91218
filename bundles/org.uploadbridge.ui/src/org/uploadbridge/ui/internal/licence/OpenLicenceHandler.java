package org.uploadbridge.ui.internal.licence;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help > Licence.... */
public class OpenLicenceHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        new LicenceDialog(HandlerUtil.getActiveWorkbenchWindowChecked(event).getShell()).open();
        return null;
    }
}
