package org.uploadbridge.ui.internal.common;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Shell;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;

/** Shows a catalogued error: its title, what happened and the numbered steps, and logs it. */
public final class ErrorDialogs {

    private static final String PLUGIN_ID = "org.uploadbridge.ui";

    private ErrorDialogs() {
    }

    /** The catalogued error as a status: the message, then one child per troubleshooting step. */
    public static IStatus toStatus(UploadBridgeException error) {
        CatalogEntry entry = error.entry();
        MultiStatus status = new MultiStatus(PLUGIN_ID, 0,
                entry.code() + " " + entry.title() + ": " + error.detail(), error);
        int n = 1;
        for (String step : entry.steps()) {
            status.add(Status.info(n++ + ". " + step));
        }
        status.add(Status.info("More: " + entry.docReference()));
        return status;
    }

    /** The text users see: what failed, why, and what to try, step by step. */
    public static String describe(String task, UploadBridgeException error) {
        CatalogEntry entry = error.entry();
        StringBuilder text = new StringBuilder(task).append(" failed (").append(entry.code()).append("). ")
                .append(error.detail()).append("\n\nWhat to try:");
        int n = 1;
        for (String step : entry.steps()) {
            text.append("\n").append(n++).append(". ").append(step);
        }
        return text.append("\n\nSee ").append(entry.docReference()).toString();
    }

    public static void show(Shell shell, String task, UploadBridgeException error) {
        IStatus status = toStatus(error);
        ILog.of(ErrorDialogs.class).log(new Status(IStatus.ERROR, PLUGIN_ID, task + ": " + status.getMessage(), error));
        ErrorDialog.openError(shell, error.entry().title(), describe(task, error), status);
    }
}
