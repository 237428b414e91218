package org.uploadbridge.ui.internal.preferences;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.service.log.LogLevel;
import org.uploadbridge.logging.LogArea;
import org.uploadbridge.logging.LogFiles;
import org.uploadbridge.logging.LogLevels;
import org.uploadbridge.ui.internal.common.Forms;
import org.uploadbridge.ui.internal.common.ServiceRef;

/**
 * The log level of each area of the application and the size and number of the log files, stored
 * through Configuration Admin (PID {@value #PID}) where the logging bundle reads them: levels
 * apply at once, file settings from the next record on.
 */
public final class LoggingPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    static final String PID = "org.uploadbridge.logging";
    private static final long MB = 1024L * 1024;

    private final Map<LogArea, Combo> levels = new EnumMap<>(LogArea.class);
    private Spinner fileMegabytes;
    private Spinner fileCount;
    private ServiceRef<LogLevels> current;
    private ServiceRef<LogFiles> files;
    private Configurations configurations;

    @Override
    public void init(IWorkbench workbench) {
        current = new ServiceRef<>(LogLevels.class);
        files = new ServiceRef<>(LogFiles.class);
        configurations = new Configurations();
        setDescription("How much each part of Upload Bridge writes to the log files and the Logs view. "
                + "Debug and trace are for chasing a problem; third-party libraries are chatty below warnings.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite form = Forms.twoColumns(parent);
        Map<LogArea, LogLevel> now = current.get().levels();
        for (LogArea area : LogArea.values()) {
            new Label(form, SWT.NONE).setText(area.label() + ":");
            Combo combo = new Combo(form, SWT.READ_ONLY);
            LogArea.LEVELS.forEach(level -> combo.add(level.name()));
            combo.select(LogArea.LEVELS.indexOf(now.getOrDefault(area, area.defaultLevel())));
            levels.put(area, combo);
        }
        new Label(form, SWT.NONE).setText("Largest log file (MB):");
        fileMegabytes = new Spinner(form, SWT.BORDER);
        fileMegabytes.setValues((int) Math.max(1, (files.get().maxFileBytes() + MB - 1) / MB), 1, 1_024, 0, 1, 10);
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(fileMegabytes);
        new Label(form, SWT.NONE).setText("Log files kept (the current one included):");
        fileCount = new Spinner(form, SWT.BORDER);
        fileCount.setValues(files.get().maxFiles(), 1, 100, 0, 1, 10);
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(fileCount);
        return form;
    }

    @Override
    protected void performDefaults() {
        levels.forEach((area, combo) -> combo.select(LogArea.LEVELS.indexOf(area.defaultLevel())));
        fileMegabytes.setSelection((int) (LogFiles.DEFAULT_MAX_FILE_BYTES / MB));
        fileCount.setSelection(LogFiles.DEFAULT_MAX_FILES);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        Hashtable<String, Object> properties = new Hashtable<>();
        levels.forEach((area, combo) -> properties.put(area.property(), LogArea.LEVELS.get(combo.getSelectionIndex()).name()));
        properties.put(LogFiles.MAX_FILE_BYTES, String.valueOf(fileMegabytes.getSelection() * MB));
        properties.put(LogFiles.MAX_FILES, String.valueOf(fileCount.getSelection()));
        try {
            // A folder set by hand (not on this page) stays.
            configurations.value(PID, LogFiles.DIRECTORY).ifPresent(dir -> properties.put(LogFiles.DIRECTORY, dir));
            configurations.save(PID, properties);
            setErrorMessage(null);
            return true;
        } catch (IOException e) {
            setErrorMessage("The logging settings could not be saved: " + e.getMessage());
            return false;
        }
    }

    /** For tests: the level choice of {@code area}. */
    Combo levelCombo(LogArea area) {
        return levels.get(area);
    }

    /** For tests: the largest file in MB, then the number of files. */
    Spinner[] fileSpinners() {
        return new Spinner[] {fileMegabytes, fileCount};
    }

    @Override
    public void dispose() {
        if (current != null) {
            current.close();
            files.close();
            configurations.close();
        }
        super.dispose();
    }
}
