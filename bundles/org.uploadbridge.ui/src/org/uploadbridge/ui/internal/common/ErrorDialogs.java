package org.uploadbridge.ui.internal.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Shell;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.logging.LogFiles;
import org.uploadbridge.logging.Redaction;

/**
 * Catalogued errors in the workbench: as text, as a Job's status, and in the error-guidance dialog
 * ({@link ErrorGuidanceDialog}). Every failure a user sees goes through here.
 */
public final class ErrorDialogs {

    static final String PLUGIN_ID = "org.uploadbridge.ui";

    private ErrorDialogs() {
    }

    /**
     * The catalogued error as an ERROR status carrying the exception (so the workbench's status
     * handler shows the guidance dialog): the message, then one child per troubleshooting step.
     */
    public static IStatus toStatus(UploadBridgeException error) {
        CatalogEntry entry = error.entry();
        MultiStatus status = new GuidanceStatus(entry.code() + " " + entry.title() + ": " + error.detail(), error);
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

    /** What "Copy details" puts on the clipboard for a support request: the text, then the stack trace, redacted. */
    public static String details(String task, UploadBridgeException error, List<UploadBridgeException> others) {
        StringBuilder text = new StringBuilder(describe(task, error));
        for (UploadBridgeException other : others) {
            text.append("\n\nAlso failed: ").append(other.code().id()).append(' ').append(other.entry().title()).append(": ")
                    .append(other.detail());
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return Redaction.redact(text.append("\n\nStack trace (for a support request):\n").append(trace).toString());
    }

    /**
     * Any failure as a catalogued one: an {@link UploadBridgeException} as it is, anything else as
     * the internal error naming the log file its stack trace goes to.
     */
    public static UploadBridgeException catalogued(String doing, Throwable failure) {
        return ApplicationError.internal(doing, failure, logFile());
    }

    /** Every catalogued failure in {@code status}, its children included; an uncatalogued ERROR becomes the internal error. */
    static List<UploadBridgeException> failures(String doing, IStatus status) {
        List<UploadBridgeException> found = new ArrayList<>();
        collect(status, found);
        if (found.isEmpty() && status.matches(IStatus.ERROR)) {
            Throwable failure = status.getException() != null ? status.getException() : new CoreException(status);
            found.add(catalogued(doing, failure));
        }
        return found;
    }

    private static void collect(IStatus status, List<UploadBridgeException> found) {
        for (Throwable t = status.getException(); t != null; t = t.getCause()) {
            if (t instanceof UploadBridgeException catalogued) {
                found.add(catalogued);
                return; // its children are its steps
            }
        }
        for (IStatus child : status.getChildren()) {
            collect(child, found);
        }
    }

    /** Logs the failure and shows the guidance dialog, waiting until the user closes it. */
    public static void show(Shell shell, String task, UploadBridgeException error) {
        log(task, error);
        new ErrorGuidanceDialog(shell, task, error, List.of(), TroubleshootingGuide.installed()).open();
    }

    static void log(String task, UploadBridgeException error) {
        ILog.of(ErrorDialogs.class).log(new Status(IStatus.ERROR, PLUGIN_ID, describe(task, error), error));
    }

    private static String logFile() {
        try (ServiceRef<LogFiles> files = new ServiceRef<>(LogFiles.class)) {
            return files.get().currentFile().toString();
        } catch (IllegalStateException e) {
            // The logging bundle is missing: the platform log is then the only one there is.
            return "the workspace's .metadata/.log (the Upload Bridge log did not start: " + e.getMessage() + ")";
        }
    }

    /** A status of severity ERROR from the start, whose children are the steps (severity INFO). */
    private static final class GuidanceStatus extends MultiStatus {
        GuidanceStatus(String message, UploadBridgeException error) {
            super(PLUGIN_ID, 0, message, error);
            setSeverity(IStatus.ERROR);
        }
    }
}
