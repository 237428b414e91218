package org.uploadbridge.ui.internal.devices;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.uploadbridge.ui.internal.common.Forms;

/** Asks what to discover: a subnet to scan (optional), its port, and whether to listen for mDNS. */
final class DiscoverDialog extends TitleAreaDialog {

    /** What the user chose; {@code cidr} is null when no subnet is to be scanned. */
    record Choice(String cidr, int port, boolean mdns) {
    }

    private Choice choice;
    private Text subnet;
    private Spinner port;
    private Button mdns;

    DiscoverDialog(Shell shell, Choice previous) {
        super(shell);
        this.choice = previous;
    }

    Choice choice() {
        return choice;
    }

    Button okButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    Text subnetField() {
        return subnet;
    }

    Button mdnsButton() {
        return mdns;
    }

    @Override
    public void create() {
        super.create();
        getShell().setText("Discover Devices");
        setTitle("Discover LED controllers");
        setMessage("Scan a subnet, listen for mDNS announcements, or both. Simulated devices: 127.42.0.0/24, port 8080.");
        validate();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = Forms.twoColumns(area);
        new Label(form, SWT.NONE).setText("Subnet to scan:");
        subnet = new Text(form, SWT.BORDER);
        subnet.setMessage("e.g. 192.168.1.0/24 (empty: no scan)");
        subnet.setText(choice.cidr() == null ? "" : choice.cidr());
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(subnet);
        new Label(form, SWT.NONE).setText("Port:");
        port = new Spinner(form, SWT.BORDER);
        port.setValues(choice.port(), 1, 65535, 0, 1, 100);
        mdns = new Button(form, SWT.CHECK);
        mdns.setText("Listen for mDNS announcements (_http, _wled, _arduino) for 3 seconds");
        mdns.setSelection(choice.mdns());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(mdns);
        subnet.addModifyListener(e -> validate());
        mdns.addListener(SWT.Selection, e -> validate());
        return area;
    }

    private void validate() {
        String text = subnet.getText().trim();
        String problem = null;
        if (!text.isEmpty() && !text.contains("/")) {
            problem = "Give the subnet with its prefix length, e.g. 192.168.1.0/24.";
        } else if (text.isEmpty() && !mdns.getSelection()) {
            problem = "Give a subnet to scan, or listen for mDNS announcements.";
        }
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        String text = subnet.getText().trim();
        choice = new Choice(text.isEmpty() ? null : text, port.getSelection(), mdns.getSelection());
        super.okPressed();
    }
}
