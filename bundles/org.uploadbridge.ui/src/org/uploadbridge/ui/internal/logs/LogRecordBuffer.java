package org.uploadbridge.ui.internal.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.uploadbridge.logging.LogSource;
import org.uploadbridge.logging.Redaction;

/**
 * Keeps the most recent log records of the whole application (every bundle's OSGi log, which the
 * Eclipse platform log feeds too) so the Logs view shows what happened before it was opened, and
 * tells listeners about new ones as they come. Messages and stack traces are redacted before they
 * are kept, so no password, PIN or key reaches the view or its export. A record that carries a
 * catalogued error keeps it, for the guidance the view shows.
 */
@Component(service = LogRecordBuffer.class, immediate = true)
public final class LogRecordBuffer implements LogListener {

    /** Older records are dropped beyond this many. */
    static final int CAPACITY = 5_000;

    private final LogReaderService reader;
    private final ArrayDeque<LogRecord> records = new ArrayDeque<>();
    private final List<Consumer<LogRecord>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    @Activate
    public LogRecordBuffer(@Reference LogReaderService reader) {
        this.reader = reader;
        List<LogEntry> history = new ArrayList<>();
        for (Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements();) {
            history.add(e.nextElement());
        }
        Collections.reverse(history); // getLog() returns the newest first
        history.forEach(this::logged);
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogRecord record;
        synchronized (records) {
            String message = Redaction.redact(entry.getMessage());
            record = new LogRecord(++sequence, Instant.ofEpochMilli(entry.getTime()), entry.getLogLevel(), LogSource.of(entry),
                    message, Redaction.redact(stackTrace(entry.getException())),
                    CataloguedErrors.in(entry.getException(), message).orElse(null));
            records.addLast(record);
            if (records.size() > CAPACITY) {
                records.removeFirst();
            }
        }
        listeners.forEach(l -> l.accept(record));
    }

    public List<LogRecord> snapshot() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    public void addListener(Consumer<LogRecord> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<LogRecord> listener) {
        listeners.remove(listener);
    }

    private static String stackTrace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
