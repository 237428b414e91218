package org.uploadbridge.ui.internal.licence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceState;
import org.uploadbridge.licensing.LicenceStatus;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.Forms;
import org.uploadbridge.ui.internal.common.ServiceRef;

/**
 * Help > Licence...: the licence in force (state, edition, entitlements, dates), its warnings and
 * problem, this machine's fingerprint to copy for an activation request, and installing or
 * removing a licence file. The content is rebuilt from the service's answer after every change.
 */
public final class LicenceDialog extends TitleAreaDialog {

    static final int INSTALL_ID = IDialogConstants.CLIENT_ID + 1;
    static final int REMOVE_ID = IDialogConstants.CLIENT_ID + 2;
    private static final int TEXT_WIDTH = 520;

    private final ServiceRef<LicenceService> licences = new ServiceRef<>(LicenceService.class);
    private final Map<String, String> rows = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private LicenceState state;
    private Composite body;
    private Label freeEdition;
    private Text fingerprint;
    private Button copy;

    public LicenceDialog(Shell shell) {
        super(shell);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    public void create() {
        state = licences.get().state();
        super.create();
        getShell().setText("Licence");
        showHeader();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        body = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(10, 10).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        fillBody();

        Group machine = new Group(area, SWT.NONE);
        machine.setText("This machine");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(machine);
        GridDataFactory.fillDefaults().grab(true, false).indent(10, 0).applyTo(machine);
        Label explain = new Label(machine, SWT.WRAP);
        explain.setText("Its fingerprint, for a licence bound to this machine. It holds hashes only, nothing readable.");
        GridDataFactory.fillDefaults().span(2, 1).hint(TEXT_WIDTH, SWT.DEFAULT).applyTo(explain);
        fingerprint = new Text(machine, SWT.BORDER | SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        fingerprint.setText(licences.get().fingerprint().text());
        fingerprint.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(TEXT_WIDTH - 80, wrappedHeight(fingerprint, TEXT_WIDTH - 80))
                .applyTo(fingerprint);
        copy = new Button(machine, SWT.PUSH);
        copy.setText("&Copy");
        copy.setToolTipText("Copy the fingerprint to the clipboard, to send it to your vendor");
        copy.addListener(SWT.Selection, e -> copyFingerprint());
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(copy);
        return area;
    }

    /** The height {@code text} needs to show all of its one long line wrapped at {@code width} (GTK does not compute it). */
    private static int wrappedHeight(Text text, int width) {
        GC gc = new GC(text);
        try {
            double charWidth = gc.getFontMetrics().getAverageCharacterWidth();
            int lines = (int) Math.ceil(text.getText().length() * charWidth / width) + 1;
            return lines * text.getLineHeight();
        } finally {
            gc.dispose();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, INSTALL_ID, "&Install...", false);
        createButton(parent, REMOVE_ID, "&Remove", false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
        removeButton().setEnabled(state.status() != LicenceStatus.FREE);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        switch (buttonId) {
            case INSTALL_ID -> chooseAndInstall();
            case REMOVE_ID -> remove();
            case IDialogConstants.CLOSE_ID -> close();
            default -> super.buttonPressed(buttonId);
        }
    }

    @Override
    public boolean close() {
        licences.close();
        return super.close();
    }

    private void chooseAndInstall() {
        FileDialog files = new FileDialog(getShell(), SWT.OPEN);
        files.setText("Install Licence");
        files.setFilterNames(new String[] { "Licence files (*.json)", "All files" });
        files.setFilterExtensions(new String[] { "*.json", "*" });
        String chosen = files.open();
        if (chosen != null) {
            install(Path.of(chosen));
        }
    }

    /** Installs {@code file} through the service; a refusal is shown with its guidance and installs nothing. */
    void install(Path file) {
        try {
            changed(licences.get().install(file));
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getShell(), "Installing the licence file " + file.getFileName(), e);
            show(licences.get().state());
        }
    }

    /** Asks first, then removes the installed licence: the free edition applies. */
    void remove() {
        MessageDialog confirm = new MessageDialog(getShell(), "Remove Licence", null,
                "Remove the " + LicenceTexts.edition(state.edition()) + " licence from this installation? "
                        + LicenceTexts.FREE_LIMITS + " The file is kept aside in the licence folder.",
                MessageDialog.QUESTION, 0, "&Remove", IDialogConstants.CANCEL_LABEL);
        if (confirm.open() != 0) {
            return;
        }
        try {
            changed(licences.get().remove());
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getShell(), "Removing the licence", e);
            show(licences.get().state());
        }
    }

    private void changed(LicenceState now) {
        show(now);
        LicenceChanges.changed(now);
    }

    void copyFingerprint() {
        Clipboard clipboard = new Clipboard(getShell().getDisplay());
        try {
            clipboard.setContents(new Object[] { fingerprint.getText() }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /** Shows {@code now}: the header, the body rebuilt, the window grown if the content needs it. */
    private void show(LicenceState now) {
        state = now;
        for (Control child : body.getChildren()) {
            child.dispose();
        }
        fillBody();
        showHeader();
        removeButton().setEnabled(state.status() != LicenceStatus.FREE);
        Shell shell = getShell();
        shell.layout(true, true);
        Point wanted = shell.computeSize(shell.getSize().x, SWT.DEFAULT);
        if (wanted.y > shell.getSize().y) {
            shell.setSize(shell.getSize().x, wanted.y);
        }
    }

    private void showHeader() {
        setTitle(LicenceTexts.indicator(state));
        int severity = LicenceTexts.severity(state);
        setMessage(LicenceTexts.status(state), severity == IMessageProvider.NONE ? IMessageProvider.INFORMATION : severity);
        setErrorMessage(state.problem().map(LicenceTexts::problem).orElse(null));
    }

    private void fillBody() {
        rows.clear();
        notices.clear();
        state.problem().ifPresent(problem -> notice(ISharedImages.IMG_OBJS_ERROR_TSK,
                LicenceTexts.problem(problem) + ": " + problem.detail()));
        state.warnings().forEach(warning -> notice(ISharedImages.IMG_OBJS_WARN_TSK, warning));

        Composite form = Forms.twoColumns(body);
        row(form, "Status", LicenceTexts.status(state));
        row(form, "Edition", LicenceTexts.edition(state.edition()));
        state.licence().ifPresent(licence -> {
            row(form, "Licensee", licence.licensee());
            row(form, "Licence ID", licence.id());
        });
        row(form, "Devices", LicenceTexts.devices(state.entitlements()));
        for (Entitlement feature : Entitlement.values()) {
            row(form, LicenceTexts.edition(feature.label()), LicenceTexts.feature(state.entitlements(), feature));
        }
        state.licence().ifPresent(licence -> dates(form, licence));

        freeEdition = null;
        if (state.status() != LicenceStatus.VALID && state.status() != LicenceStatus.GRACE) {
            freeEdition = new Label(body, SWT.WRAP);
            freeEdition.setText(LicenceTexts.FREE_LIMITS + "\n" + LicenceTexts.HOW_TO_GET);
            GridDataFactory.fillDefaults().grab(true, false).indent(0, 8).hint(TEXT_WIDTH, SWT.DEFAULT).applyTo(freeEdition);
        }
    }

    private void dates(Composite form, Licence licence) {
        row(form, "Issued", licence.issued().toString());
        row(form, "Expires", licence.expires().map(Object::toString).orElse("never"));
        row(form, "Grace period", LicenceTexts.grace(licence, state));
    }

    /** A warning or the problem, above the facts, with its icon: what the user must not miss. */
    private void notice(String image, String text) {
        Composite line = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(line);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(line);
        Label icon = new Label(line, SWT.NONE);
        icon.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(image));
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(icon);
        Label label = new Label(line, SWT.WRAP);
        label.setText(text);
        label.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(TEXT_WIDTH, SWT.DEFAULT).applyTo(label);
        notices.add(text);
    }

    private void row(Composite form, String name, String value) {
        new Label(form, SWT.NONE).setText(name + ":");
        Label field = new Label(form, SWT.WRAP);
        field.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(TEXT_WIDTH - 120, SWT.DEFAULT).applyTo(field);
        rows.put(name, value);
    }

    LicenceState state() {
        return state;
    }

    /** The facts as shown, by their label without the colon (e.g. "Edition", "Fleet upload"). */
    Map<String, String> rows() {
        return Map.copyOf(rows);
    }

    /** The problem and warnings as shown above the facts. */
    List<String> notices() {
        return List.copyOf(notices);
    }

    /** The free edition's limits and how to get a licence; empty when a licence applies. */
    String freeEditionText() {
        return freeEdition == null ? "" : freeEdition.getText();
    }

    String fingerprintText() {
        return fingerprint.getText();
    }

    Button copyButton() {
        return copy;
    }

    Button installButton() {
        return getButton(INSTALL_ID);
    }

    Button removeButton() {
        return getButton(REMOVE_ID);
    }
}
