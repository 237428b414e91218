package org.uploadbridge.ui.internal.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The workbench's one error dialog: the catalogued title, what happened, the numbered steps, the
 * code, the pointer into the troubleshooting guide (a link when the guide is installed), and
 * "Copy details" for a support request.
 */
public final class ErrorGuidanceDialog extends Dialog {

    static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int TEXT_WIDTH = 520;

    private final String task;
    private final UploadBridgeException error;
    private final List<UploadBridgeException> others;
    private final Optional<TroubleshootingGuide> guide;
    private final List<Label> stepLabels = new ArrayList<>();
    private Label headline;
    private Text detail;
    private Control docs;

    /** {@code others} are further failures of the same task (e.g. more devices of one upload), listed below the first. */
    public ErrorGuidanceDialog(Shell parent, String task, UploadBridgeException error, List<UploadBridgeException> others,
            Optional<TroubleshootingGuide> guide) {
        super(parent);
        this.task = task;
        this.error = error;
        this.others = List.copyOf(others);
        this.guide = guide;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(error.entry().title());
        shell.setData(this); // lets tests and the status handler find the dialog among the shells
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        CatalogEntry entry = error.entry();
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.fillDefaults().margins(12, 12).numColumns(2).applyTo(area);
        Label icon = new Label(area, SWT.NONE);
        icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_ERROR));
        GridDataFactory.fillDefaults().span(1, 2).align(SWT.BEGINNING, SWT.BEGINNING).applyTo(icon);
        headline = new Label(area, SWT.WRAP);
        headline.setText(task + " failed: " + entry.code() + " " + entry.title());
        headline.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(TEXT_WIDTH, SWT.DEFAULT).applyTo(headline);
        detail = new Text(area, SWT.WRAP | SWT.READ_ONLY | SWT.MULTI);
        detail.setText(error.detail());
        GridDataFactory.fillDefaults().grab(true, false).hint(TEXT_WIDTH, SWT.DEFAULT).applyTo(detail);

        section(area, "What to try:");
        int n = 1;
        for (String step : entry.steps()) {
            Label label = new Label(area, SWT.WRAP);
            label.setText(n++ + ". " + step);
            GridDataFactory.fillDefaults().span(2, 1).indent(12, 0).hint(TEXT_WIDTH, SWT.DEFAULT).applyTo(label);
            stepLabels.add(label);
        }
        if (!others.isEmpty()) {
            section(area, "Also failed (" + others.size() + "):");
            Text also = new Text(area, SWT.WRAP | SWT.READ_ONLY | SWT.MULTI | SWT.V_SCROLL | SWT.BORDER);
            StringBuilder text = new StringBuilder();
            others.forEach(o -> text.append(o.code().id()).append(' ').append(o.entry().title()).append(": ").append(o.detail()).append('\n'));
            also.setText(text.toString().strip());
            GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(TEXT_WIDTH, Math.min(120, 20 * others.size() + 10)).applyTo(also);
        }
        docs = docsPointer(area, entry);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).hint(TEXT_WIDTH, SWT.DEFAULT).applyTo(docs);
        return area;
    }

    private static void section(Composite area, String title) {
        Label label = new Label(area, SWT.NONE);
        label.setText(title);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(label);
    }

    /** A link into the installed guide, or the plain pointer when this installation has no guide. */
    private Control docsPointer(Composite area, CatalogEntry entry) {
        if (guide.isEmpty()) {
            Label label = new Label(area, SWT.WRAP);
            label.setText("More: " + entry.docReference() + " (the troubleshooting guide is not part of this installation;"
                    + " the section is in the project's docs)");
            return label;
        }
        Link link = new Link(area, SWT.WRAP);
        link.setText("More: <a>" + entry.docReference() + "</a>");
        link.setToolTipText(guide.get().pointer(entry));
        link.addListener(SWT.Selection, event -> openSection());
        return link;
    }

    /** Opens the code's section beside this dialog (not modal: a reference to read while trying the steps). */
    Optional<GuideSectionDialog> openSection() {
        TroubleshootingGuide installed = guide.orElseThrow();
        try {
            GuideSectionDialog section = new GuideSectionDialog(getShell(), installed.pointer(error.entry()),
                    installed.section(error.entry()));
            section.setBlockOnOpen(false);
            section.open();
            return Optional.of(section);
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getShell(), "Opening the troubleshooting guide", e);
            return Optional.empty();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, "&Copy details", false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            copyDetails();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    /** Code, what happened, the steps, further failures and the stack trace, as text on the clipboard. */
    void copyDetails() {
        Clipboard clipboard = new Clipboard(getShell().getDisplay());
        try {
            clipboard.setContents(new Object[] { ErrorDialogs.details(task, error, others) },
                    new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    String headlineText() {
        return headline.getText();
    }

    String detailText() {
        return detail.getText();
    }

    List<String> stepTexts() {
        return stepLabels.stream().map(Label::getText).toList();
    }

    /** The pointer as shown: a {@link Link}'s text with its markup, or a label's. */
    String docsText() {
        return docs instanceof Link link ? link.getText() : ((Label) docs).getText();
    }

    Button copyButton() {
        return getButton(COPY_ID);
    }

    UploadBridgeException error() {
        return error;
    }

    List<UploadBridgeException> others() {
        return others;
    }
}
