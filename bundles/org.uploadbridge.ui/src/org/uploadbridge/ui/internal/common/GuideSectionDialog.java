package org.uploadbridge.ui.internal.common;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** One section of the installed troubleshooting guide, as written there (its anchor is in the title). */
final class GuideSectionDialog extends Dialog {

    private final String pointer;
    private final String section;
    private Text text;

    GuideSectionDialog(Shell parent, String pointer, String section) {
        super(parent);
        this.pointer = pointer;
        this.section = section;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Troubleshooting");
        shell.setData(this);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label from = new Label(area, SWT.NONE);
        from.setText(pointer);
        text = new Text(area, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER);
        text.setFont(JFaceResources.getTextFont());
        text.setText(section);
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 360).applyTo(text);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    String sectionText() {
        return text.getText();
    }
}
