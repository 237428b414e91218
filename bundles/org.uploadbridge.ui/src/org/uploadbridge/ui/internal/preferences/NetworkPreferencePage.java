package org.uploadbridge.ui.internal.preferences;

import java.io.IOException;
import java.util.Hashtable;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;

/**
 * Where device traffic may go (PID {@value #HTTP_PID}: LAN and loopback only unless public
 * addresses are allowed) and which interfaces mDNS discovery listens on (PID {@value #MDNS_PID}).
 */
public final class NetworkPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    static final String HTTP_PID = "org.uploadbridge.net";
    static final String ALLOW_PUBLIC = "allowPublicAddresses";
    static final String MDNS_PID = "org.uploadbridge.net.mdns";
    static final String INTERFACES = "interfaces";

    private Configurations configurations;
    private Button allowPublic;
    private Text interfaces;

    @Override
    public void init(IWorkbench workbench) {
        configurations = new Configurations();
        setDescription("Device traffic goes only to the addresses allowed here, and never follows redirects.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(form);
        allowPublic = new Button(form, SWT.CHECK);
        allowPublic.setText("Allow devices at public Internet addresses (off: LAN and loopback only)");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(allowPublic);
        new Label(form, SWT.NONE).setText("mDNS interfaces:");
        interfaces = new Text(form, SWT.BORDER);
        interfaces.setMessage("every interface that can multicast");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(interfaces);
        Label hint = new Label(form, SWT.WRAP);
        hint.setText("Names as `ip link` lists them, comma separated, e.g. wlan0, eth0.");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(hint);
        try {
            allowPublic.setSelection(Boolean.parseBoolean(String.valueOf(configurations.value(HTTP_PID, ALLOW_PUBLIC).orElse("false"))));
            interfaces.setText(String.valueOf(configurations.value(MDNS_PID, INTERFACES).orElse("")));
        } catch (IOException e) {
            UploadBridgeException failure = new UploadBridgeException(ApplicationError.SETTINGS_NOT_READ, e, "network", e.getMessage());
            setErrorMessage(failure.code().id() + " " + failure.entry().title());
            ErrorDialogs.show(parent.getShell(), "Reading the network settings", failure);
        }
        return form;
    }

    @Override
    protected void performDefaults() {
        allowPublic.setSelection(false);
        interfaces.setText("");
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        try {
            Hashtable<String, Object> http = new Hashtable<>();
            http.put(ALLOW_PUBLIC, Boolean.toString(allowPublic.getSelection()));
            configurations.save(HTTP_PID, http);
            Hashtable<String, Object> mdns = new Hashtable<>();
            mdns.put(INTERFACES, interfaces.getText().trim());
            configurations.save(MDNS_PID, mdns);
            return true;
        } catch (IOException e) {
            UploadBridgeException failure = new UploadBridgeException(ApplicationError.SETTINGS_NOT_SAVED, e, "network", e.getMessage());
            setErrorMessage(failure.code().id() + " " + failure.entry().title());
            ErrorDialogs.show(getShell(), "Saving the network settings", failure);
            return false;
        }
    }

    Button allowPublicButton() {
        return allowPublic;
    }

    Text interfacesField() {
        return interfaces;
    }

    @Override
    public void dispose() {
        if (configurations != null) {
            configurations.close();
        }
        super.dispose();
    }
}
