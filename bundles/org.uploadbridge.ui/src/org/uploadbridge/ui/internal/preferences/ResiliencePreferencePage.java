package org.uploadbridge.ui.internal.preferences;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.ToLongFunction;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.resilience.GuardSettings;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.ServiceRef;

/**
 * Retries, circuit breaker and upload quotas per device: the settings of the {@link DeviceGuard},
 * stored through Configuration Admin (PID {@value #PID}), so the CLI of the same installation and
 * the workbench share them. They apply to devices the guard meets after saving.
 */
public final class ResiliencePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    static final String PID = "org.uploadbridge.resilience";

    /** One setting: its label, its property, how to read it from settings, its range and unit scale. */
    private record Field(String label, String property, ToLongFunction<GuardSettings> value, int min, int max, long scale) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("Attempts per call (1 = no retry):", GuardSettings.MAX_ATTEMPTS, GuardSettings::maxAttempts, 1, 20, 1),
            new Field("First retry after (ms):", GuardSettings.RETRY_BASE_DELAY_MS, s -> s.retryBaseDelay().toMillis(), 1, 60_000, 1),
            new Field("Longest wait between attempts (ms):", GuardSettings.RETRY_MAX_DELAY_MS, s -> s.retryMaxDelay().toMillis(), 1, 600_000, 1),
            new Field("Jitter (% either way):", GuardSettings.JITTER, s -> Math.round(s.jitter() * 100), 0, 99, 100),
            new Field("Failures in a row that pause a device:", GuardSettings.FAILURE_THRESHOLD, GuardSettings::failureThreshold, 1, 10_000, 1),
            new Field("Pause a failing device for (s):", GuardSettings.BREAKER_OPEN_MS, s -> s.breakerOpenFor().toSeconds(), 1, 3_600, 1_000),
            new Field("Calls to one device at once:", GuardSettings.CALLS_PER_DEVICE, GuardSettings::callsPerDevice, 1, 16, 1),
            new Field("Uploads per device per hour (0 = no limit):", GuardSettings.UPLOADS_PER_HOUR, GuardSettings::uploadsPerHour, 0, 100_000, 1),
            new Field("Largest upload (MB, 0 = no limit):", GuardSettings.MAX_UPLOAD_BYTES, s -> s.maxUploadBytes() / (1024 * 1024), 0, 4_096, 1024 * 1024),
            new Field("Uploads to one device at once (0 = no limit):", GuardSettings.CONCURRENT_UPLOADS, GuardSettings::concurrentUploads, 0, 16, 1),
            new Field("Wait after a failed upload (s):", GuardSettings.COOLDOWN_MS, s -> s.cooldown().toSeconds(), 0, 3_600, 1_000));

    private final List<Spinner> spinners = new ArrayList<>();
    private ServiceRef<DeviceGuard> guard;
    private Configurations configurations;

    @Override
    public void init(IWorkbench workbench) {
        guard = new ServiceRef<>(DeviceGuard.class);
        configurations = new Configurations();
        setDescription("How Upload Bridge treats each device: retries with back-off, a pause for devices that keep failing, and upload quotas.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(form);
        GuardSettings current = guard.get().settings();
        for (Field field : FIELDS) {
            new Label(form, SWT.NONE).setText(field.label());
            Spinner spinner = new Spinner(form, SWT.BORDER);
            spinner.setValues((int) field.value().applyAsLong(current), field.min(), field.max(), 0, 1, 10);
            GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(spinner);
            spinners.add(spinner);
        }
        return form;
    }

    @Override
    protected void performDefaults() {
        GuardSettings defaults = GuardSettings.defaults();
        for (int i = 0; i < FIELDS.size(); i++) {
            spinners.get(i).setSelection((int) FIELDS.get(i).value().applyAsLong(defaults));
        }
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            Field field = FIELDS.get(i);
            long value = spinners.get(i).getSelection();
            properties.put(field.property(), field.scale() == 100 ? String.valueOf(value / 100.0) : String.valueOf(value * field.scale()));
        }
        try {
            GuardSettings.from(properties); // the guard would refuse what does not hold together: say so here
            configurations.save(PID, properties);
            setErrorMessage(null);
            return true;
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return false;
        } catch (IOException e) {
            UploadBridgeException failure = new UploadBridgeException(ApplicationError.SETTINGS_NOT_SAVED, e, "retry and quota",
                    e.getMessage());
            setErrorMessage(failure.code().id() + " " + failure.entry().title());
            ErrorDialogs.show(getShell(), "Saving the retry and quota settings", failure);
            return false;
        }
    }

    /** For tests: the spinners in the order of the settings. */
    List<Spinner> spinners() {
        return List.copyOf(spinners);
    }

    @Override
    public void dispose() {
        if (guard != null) {
            guard.close();
            configurations.close();
        }
        super.dispose();
    }
}
