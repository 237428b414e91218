package org.uploadbridge.ui.internal.preferences;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.TimeoutRule;
import org.uploadbridge.resilience.TimeoutSettings;

/**
 * How long each kind of device call may take (PID {@value TimeoutSettings#PID}): a rule per
 * operation, and whether timeouts adapt to each device's measured speed within the rule's bounds.
 * Saved through Configuration Admin, so the CLI of the same installation uses them too.
 */
public final class TimeoutsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** The operations in the order shown. */
    static final List<DeviceOperation> OPERATIONS = List.of(DeviceOperation.STATUS, DeviceOperation.LIBRARY,
            DeviceOperation.UPLOAD, DeviceOperation.FIRMWARE);
    private static final List<String> LABELS = List.of("Status and commands", "Pattern library", "Pattern upload", "Firmware update");

    /** One column of a rule: its heading, property suffix and value. */
    private record Part(String heading, String suffix, Function<TimeoutRule, Duration> value) {
    }

    private static final List<Part> PARTS = List.of(new Part("Base (s)", "baseMs", TimeoutRule::base),
            new Part("+ per MB (s)", "perMbMs", TimeoutRule::perMegabyte), new Part("At least (s)", "minMs", TimeoutRule::min),
            new Part("At most (s)", "maxMs", TimeoutRule::max));
    /** Spinners show tenths of a second. */
    private static final int DIGITS = 1;
    private static final long MILLIS_PER_STEP = 100;
    private static final int MAX_STEPS = 36_000;

    private Configurations configurations;
    private Button adaptive;
    /** Per operation, per part. */
    private final List<List<Spinner>> spinners = new ArrayList<>();

    @Override
    public void init(IWorkbench workbench) {
        configurations = new Configurations();
        setDescription("How long a device may take to answer. Transfers get more time per megabyte sent.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(1 + PARTS.size()).applyTo(form);
        adaptive = new Button(form, SWT.CHECK);
        adaptive.setText("Adapt to each device: follow its measured answer times and throughput, within the bounds below");
        GridDataFactory.fillDefaults().span(1 + PARTS.size(), 1).applyTo(adaptive);
        new Label(form, SWT.NONE);
        PARTS.forEach(part -> new Label(form, SWT.NONE).setText(part.heading()));
        for (int i = 0; i < OPERATIONS.size(); i++) {
            new Label(form, SWT.NONE).setText(LABELS.get(i) + ":");
            List<Spinner> row = new ArrayList<>();
            for (int p = 0; p < PARTS.size(); p++) {
                Spinner spinner = new Spinner(form, SWT.BORDER);
                spinner.setValues(0, 0, MAX_STEPS, DIGITS, 1, 10);
                GridDataFactory.fillDefaults().hint(70, SWT.DEFAULT).applyTo(spinner);
                row.add(spinner);
            }
            spinners.add(row);
        }
        Label note = new Label(form, SWT.WRAP);
        note.setText("A call that timed out doubles that device's next timeout (up to 8 times, within the bounds) until it answers again.");
        GridDataFactory.fillDefaults().span(1 + PARTS.size(), 1).hint(500, SWT.DEFAULT).applyTo(note);
        try {
            show(TimeoutSettings.from(configurations.properties(TimeoutSettings.PID)));
        } catch (IOException | IllegalArgumentException e) {
            show(TimeoutSettings.defaults());
            UploadBridgeException failure = new UploadBridgeException(ApplicationError.SETTINGS_NOT_READ, e, "timeout", e.getMessage());
            setErrorMessage(failure.code().id() + " " + failure.entry().title() + ": the defaults are shown");
            ErrorDialogs.show(parent.getShell(), "Reading the timeouts", failure);
        }
        return form;
    }

    private void show(TimeoutSettings settings) {
        adaptive.setSelection(settings.adaptive());
        for (int i = 0; i < OPERATIONS.size(); i++) {
            TimeoutRule rule = settings.rule(OPERATIONS.get(i));
            for (int p = 0; p < PARTS.size(); p++) {
                spinners.get(i).get(p).setSelection((int) (PARTS.get(p).value().apply(rule).toMillis() / MILLIS_PER_STEP));
            }
        }
    }

    @Override
    protected void performDefaults() {
        show(TimeoutSettings.defaults());
        setErrorMessage(null);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(TimeoutSettings.ADAPTIVE, Boolean.toString(adaptive.getSelection()));
        for (int i = 0; i < OPERATIONS.size(); i++) {
            for (int p = 0; p < PARTS.size(); p++) {
                properties.put(TimeoutSettings.key(OPERATIONS.get(i), PARTS.get(p).suffix()),
                        String.valueOf(spinners.get(i).get(p).getSelection() * MILLIS_PER_STEP));
            }
        }
        try {
            TimeoutSettings.from(properties); // the service would refuse what does not hold together: say so here
            configurations.save(TimeoutSettings.PID, properties);
            setErrorMessage(null);
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        } catch (IOException e) {
            UploadBridgeException failure = new UploadBridgeException(ApplicationError.SETTINGS_NOT_SAVED, e, "timeout", e.getMessage());
            setErrorMessage(failure.code().id() + " " + failure.entry().title());
            ErrorDialogs.show(getShell(), "Saving the timeouts", failure);
            return false;
        }
    }

    /** For tests: the adaptive switch. */
    Button adaptiveButton() {
        return adaptive;
    }

    /** For tests: the spinner of one part ({@code baseMs}, {@code perMbMs}, {@code minMs}, {@code maxMs}) of an operation's rule. */
    Spinner spinner(DeviceOperation operation, String suffix) {
        int part = PARTS.stream().map(Part::suffix).toList().indexOf(suffix);
        return spinners.get(OPERATIONS.indexOf(operation)).get(part);
    }

    @Override
    public void dispose() {
        if (configurations != null) {
            configurations.close();
        }
        super.dispose();
    }
}
