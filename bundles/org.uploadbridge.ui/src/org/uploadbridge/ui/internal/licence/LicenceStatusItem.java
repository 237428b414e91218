package org.uploadbridge.ui.internal.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.StatusLineLayoutData;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.statushandlers.StatusManager;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceState;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.ServiceRef;

/**
 * The edition in the status bar ("Free edition", "Studio licence: grace until 2027-11-30"), with a
 * warning or error icon when the licence needs attention; a click opens the Licence dialog. It
 * shows installs and removals at once and checks the service every few minutes, since a licence
 * expires while the workbench runs.
 */
public final class LicenceStatusItem extends ContributionItem {

    public static final String ID = "org.uploadbridge.ui.status.licence";
    static final long CHECK_EVERY_MS = 5 * 60_000L;

    private final IWorkbenchWindow window;
    private final ServiceRef<LicenceService> licences = new ServiceRef<>(LicenceService.class);
    private final Consumer<LicenceState> listener = this::show;
    private final Check check = new Check();
    private volatile boolean disposed;
    private LicenceState shown;
    private CLabel label;

    public LicenceStatusItem(IWorkbenchWindow window) {
        super(ID);
        this.window = window;
        LicenceChanges.subscribe(listener);
    }

    @Override
    public void fill(Composite parent) {
        // The status line may fill its items again (e.g. when another item is added): show what we know.
        label = new CLabel(parent, SWT.SHADOW_NONE);
        label.setData(this);
        label.setLayoutData(new StatusLineLayoutData());
        label.setCursor(parent.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
        label.addListener(SWT.MouseUp, event -> new LicenceDialog(window.getShell()).open());
        if (shown == null) {
            label.setText("Licence: checking...");
            fit();
        } else {
            show(shown);
        }
        if (check.getState() == Job.NONE) {
            check.schedule();
        }
    }

    @Override
    public void dispose() {
        disposed = true;
        LicenceChanges.unsubscribe(listener);
        check.cancel();
        licences.close();
        super.dispose();
    }

    private void show(LicenceState state) {
        shown = state;
        if (label == null || label.isDisposed()) {
            return;
        }
        label.setText(LicenceTexts.indicator(state));
        label.setImage(switch (LicenceTexts.severity(state)) {
            case IMessageProvider.ERROR -> window.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
            case IMessageProvider.WARNING -> window.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_WARN_TSK);
            default -> null;
        });
        List<String> tip = new ArrayList<>();
        state.problem().ifPresent(problem -> tip.add(LicenceTexts.problem(problem)));
        tip.addAll(state.warnings());
        tip.add("Click for the licence's details, to install a licence or to copy this machine's fingerprint.");
        label.setToolTipText(String.join("\n", tip));
        fit();
    }

    private void fit() {
        ((StatusLineLayoutData) label.getLayoutData()).widthHint = label.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
        label.getParent().layout(true);
    }

    /** What the indicator shows now. */
    String text() {
        return label.getText();
    }

    /** Whether it shows an icon (the licence needs attention). */
    boolean flagged() {
        return label.getImage() != null;
    }

    /** Asks the service off the UI thread (it reads the licence file), then shows the answer. */
    private final class Check extends Job {

        Check() {
            super("Checking the licence");
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            LicenceState now;
            try {
                now = licences.get().state();
            } catch (IllegalStateException e) {
                if (disposed) {
                    return Status.CANCEL_STATUS; // the window closed while we asked
                }
                // No licence service: a broken installation. Shown once; checking again would only repeat it.
                StatusManager.getManager().handle(ErrorDialogs.toStatus(ErrorDialogs.catalogued(getName(), e)),
                        StatusManager.SHOW | StatusManager.LOG);
                return Status.CANCEL_STATUS;
            }
            Display display = window.getWorkbench().getDisplay();
            if (!display.isDisposed()) {
                display.asyncExec(() -> show(now));
            }
            if (!disposed) {
                schedule(CHECK_EVERY_MS);
            }
            return Status.OK_STATUS;
        }
    }
}
