package org.uploadbridge.ui.internal.common;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.statushandlers.StatusAdapter;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.ui.statushandlers.WorkbenchErrorHandler;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The workbench's status handler: an error a Job returns, or one the platform catches on the UI
 * thread, is shown in the {@link ErrorGuidanceDialog} as a catalogued error (uncatalogued ones as
 * the internal error) instead of the platform's dialog with a raw stack trace.
 */
public final class GuidanceStatusHandler extends WorkbenchErrorHandler {

    @Override
    public void handle(StatusAdapter adapter, int style) {
        boolean show = (style & (StatusManager.SHOW | StatusManager.BLOCK)) != 0;
        Job job = adapter.getAdapter(Job.class);
        String task = job != null ? job.getName() : adapter.getStatus().getMessage();
        List<UploadBridgeException> failures = show ? ErrorDialogs.failures(task, adapter.getStatus()) : List.of();
        if (failures.isEmpty()) {
            super.handle(adapter, style); // infos and warnings, and what is only logged
            return;
        }
        // Logged even when only SHOW is asked (as for a Job's result), so the Logs view has it too.
        super.handle(adapter, StatusManager.LOG);
        Display display = Display.getDefault();
        Runnable open = () -> {
            Shell parent = display.getActiveShell();
            ErrorGuidanceDialog dialog = new ErrorGuidanceDialog(parent, task, failures.get(0), failures.subList(1, failures.size()),
                    TroubleshootingGuide.installed());
            dialog.setBlockOnOpen((style & StatusManager.BLOCK) != 0);
            dialog.open();
        };
        if (Display.getCurrent() == display) {
            open.run();
        } else {
            display.asyncExec(open);
        }
    }
}
