package org.uploadbridge.ui.internal.devices;

import java.util.OptionalInt;
import java.util.OptionalLong;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.uploadbridge.ui.internal.common.Forms;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * Asks what the selected devices hold where their firmware does not say: a profile to start from,
 * then each limit (empty: not assumed). Uploads are checked against these before anything is sent.
 */
final class LimitsDialog extends TitleAreaDialog {

    private static final String[] PROFILES = { "Custom", "ESP8266, classic firmware", "ESP32, classic firmware", "None" };

    private DeviceLimits limits;
    private final String devices;
    private Combo profile;
    private Text maxLeds;
    private Text freeRam;
    private Text powerBudget;

    LimitsDialog(Shell shell, String devices, DeviceLimits current) {
        super(shell);
        this.devices = devices;
        this.limits = current;
    }

    DeviceLimits limits() {
        return limits;
    }

    Combo profileCombo() {
        return profile;
    }

    Text maxLedsField() {
        return maxLeds;
    }

    Button okButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    @Override
    public void create() {
        super.create();
        getShell().setText("Device Limits");
        setTitle("Limits of " + devices);
        setMessage("What the device holds, where its firmware does not report it. Uploads that do not fit are stopped before sending.");
        validate();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = Forms.twoColumns(area);
        new Label(form, SWT.NONE).setText("Start from:");
        profile = new Combo(form, SWT.READ_ONLY);
        profile.setItems(PROFILES);
        profile.select(0);
        maxLeds = field(form, "Most LEDs:", limits.maxLeds().isPresent() ? Integer.toString(limits.maxLeds().getAsInt()) : "");
        freeRam = field(form, "Free RAM (bytes):", limits.freeRamBytes().isPresent() ? Long.toString(limits.freeRamBytes().getAsLong()) : "");
        powerBudget = field(form, "Power supply (mA):", limits.powerBudgetMa().isPresent() ? Integer.toString(limits.powerBudgetMa().getAsInt()) : "");
        profile.addListener(SWT.Selection, e -> applyProfile());
        return area;
    }

    private Text field(Composite form, String label, String value) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER);
        text.setText(value);
        text.setMessage("not assumed");
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(text);
        text.addModifyListener(e -> validate());
        return text;
    }

    private void applyProfile() {
        DeviceLimits chosen = switch (profile.getSelectionIndex()) {
            case 1 -> DeviceLimits.esp8266();
            case 2 -> DeviceLimits.esp32();
            case 3 -> DeviceLimits.none();
            default -> null;
        };
        if (chosen != null) {
            maxLeds.setText(chosen.maxLeds().isPresent() ? Integer.toString(chosen.maxLeds().getAsInt()) : "");
            freeRam.setText(chosen.freeRamBytes().isPresent() ? Long.toString(chosen.freeRamBytes().getAsLong()) : "");
        }
    }

    private void validate() {
        String problem = problem(maxLeds, "Most LEDs", 0xFFFF);
        problem = problem != null ? problem : problem(freeRam, "Free RAM", Integer.MAX_VALUE);
        problem = problem != null ? problem : problem(powerBudget, "Power supply", 1_000_000);
        setErrorMessage(problem);
        if (okButton() != null) {
            okButton().setEnabled(problem == null);
        }
    }

    private static String problem(Text field, String name, long max) {
        String text = field.getText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            return value >= 1 && value <= max ? null : name + " must be 1.." + max + ", or empty.";
        } catch (NumberFormatException e) {
            return name + " must be a whole number, or empty.";
        }
    }

    @Override
    protected void okPressed() {
        limits = new DeviceLimits(
                maxLeds.getText().isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(maxLeds.getText().trim())),
                freeRam.getText().isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(freeRam.getText().trim())),
                powerBudget.getText().isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(powerBudget.getText().trim())));
        super.okPressed();
    }
}
