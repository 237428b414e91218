package org.uploadbridge.logging.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.uploadbridge.core.io.WorkspaceFiles;
import org.uploadbridge.logging.LogFiles;

/**
 * Writes every OSGi log record to {@code <workspace>/.metadata/.plugins/org.uploadbridge.logging/
 * upload-bridge.log}, rotated by size. Immediate: it must listen from start-up, not from the first
 * user of the service. A new configuration re-creates the component (no {@code @Modified}), so the
 * file settings stay final.
 */
@Component(service = LogFiles.class, configurationPid = "org.uploadbridge.logging", immediate = true)
public final class RotatingLogFiles implements LogFiles, LogListener {

    static final String FILE_NAME = "upload-bridge.log";

    private final LogReaderService reader;
    private final RotatingFile file;
    private final long maxFileBytes;
    private final int maxFiles;
    /** Once a write failed, say so once on stderr: logging it would loop back here. */
    private boolean failureReported;

    @Activate
    public RotatingLogFiles(@Reference LogReaderService reader, BundleContext context, Map<String, Object> properties) {
        this.reader = reader;
        this.maxFileBytes = positive(properties.get(MAX_FILE_BYTES), DEFAULT_MAX_FILE_BYTES);
        this.maxFiles = (int) Math.min(1_000, positive(properties.get(MAX_FILES), DEFAULT_MAX_FILES));
        this.file = new RotatingFile(directory(context, properties.get(DIRECTORY)).resolve(FILE_NAME), maxFileBytes, maxFiles);
        writeHistory();
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
        synchronized (file) {
            try {
                file.close();
            } catch (IOException e) {
                report(e);
            }
        }
    }

    @Override
    public void logged(LogEntry entry) {
        String text = LogLines.format(entry);
        synchronized (file) {
            try {
                file.append(text);
            } catch (IOException | RuntimeException e) {
                report(e);
            }
        }
    }

    @Override
    public Path currentFile() {
        return file.file();
    }

    @Override
    public List<Path> files() {
        synchronized (file) {
            return file.files();
        }
    }

    @Override
    public long maxFileBytes() {
        return maxFileBytes;
    }

    @Override
    public int maxFiles() {
        return maxFiles;
    }

    /**
     * Records logged before this component started are in the log reader's history; those newer
     * than the file's last write are not in the file yet (a restart or a new configuration would
     * otherwise write them twice).
     */
    private void writeHistory() {
        long lastWrite;
        try {
            lastWrite = Files.exists(file.file()) ? Files.getLastModifiedTime(file.file()).toMillis() : Long.MIN_VALUE;
        } catch (IOException e) {
            lastWrite = Long.MIN_VALUE;
        }
        List<LogEntry> history = new ArrayList<>();
        for (Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements();) {
            LogEntry entry = e.nextElement();
            if (entry.getTime() > lastWrite) {
                history.add(entry);
            }
        }
        Collections.reverse(history); // getLog() returns the newest first
        history.forEach(this::logged);
    }

    private void report(Exception e) {
        if (!failureReported) {
            failureReported = true;
            System.err.println("Upload Bridge cannot write its log file " + file.file() + ": " + e);
        }
    }

    /** The configured folder, else the workspace's plug-in folder, else this bundle's data area. */
    static Path directory(BundleContext context, Object configured) {
        if (configured != null && !configured.toString().isBlank()) {
            return Path.of(configured.toString());
        }
        // Not a local workspace (or none): the bundle's own area, so the log is never lost.
        Optional<Path> inWorkspace = WorkspaceFiles.pluginFile(context.getProperty(WorkspaceFiles.INSTANCE_AREA),
                "org.uploadbridge.logging", FILE_NAME);
        if (inWorkspace.isPresent()) {
            return inWorkspace.get().getParent();
        }
        return context.getDataFile("").toPath();
    }

    private static long positive(Object value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
