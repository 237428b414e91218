package org.uploadbridge.ui.internal.logs;

import java.time.Instant;

import org.osgi.service.log.LogLevel;

/** One log record as the Logs view shows it. */
public record LogRecord(long sequence, Instant time, LogLevel level, String source, String message, String exception) {
}
