package org.uploadbridge.logging.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import org.osgi.service.log.LogEntry;
import org.uploadbridge.logging.LogSource;
import org.uploadbridge.logging.Redaction;

/**
 * Formats one log record as text: a line with time, level, source and message, then the
 * exception's stack trace indented below, so every line that starts unindented starts a record.
 * Everything is redacted, the stack trace too (exception messages quote requests).
 */
final class LogLines {

    private static final String INDENT = "    ";

    private LogLines() {
    }

    static String format(LogEntry entry) {
        StringBuilder line = new StringBuilder(128)
                .append(Instant.ofEpochMilli(entry.getTime())).append(' ')
                .append(String.format("%-5s", entry.getLogLevel())).append(' ')
                .append(LogSource.of(entry)).append(" - ");
        appendIndented(line, Redaction.redact(String.valueOf(entry.getMessage())), false);
        line.append('\n');
        Throwable failure = entry.getException();
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            appendIndented(line, Redaction.redact(trace.toString()), true);
        }
        return line.toString();
    }

    private static void appendIndented(StringBuilder out, String text, boolean indentFirst) {
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            if (i > 0 || indentFirst) {
                out.append(INDENT);
            }
            out.append(lines[i]);
        }
        if (indentFirst && lines.length > 0) {
            out.append('\n');
        }
    }
}
