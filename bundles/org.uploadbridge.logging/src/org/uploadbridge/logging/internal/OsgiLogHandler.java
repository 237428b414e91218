package org.uploadbridge.logging.internal;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.logging.Redaction;

/**
 * A {@code java.util.logging} handler that passes each record on to the OSGi log under the
 * record's logger name, at the matching level, with its throwable; the message is redacted on the
 * way, so no listener of the OSGi log (the console log included) sees a secret.
 */
final class OsgiLogHandler extends Handler {

    /** A name for records that have none (the anonymous JUL logger). */
    static final String ANONYMOUS = "java.util.logging";

    /** Set while a record is being passed on: anything the OSGi log logs through JUL meanwhile is dropped, not looped. */
    private static final ThreadLocal<Boolean> FORWARDING = new ThreadLocal<>();

    private final LoggerFactory loggers;
    /** Only for its {@code formatMessage}: parameters and resource bundles, no layout. */
    private final SimpleFormatter messages = new SimpleFormatter();

    OsgiLogHandler(LoggerFactory loggers) {
        this.loggers = loggers;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || FORWARDING.get() != null || !isLoggable(record)) {
            return;
        }
        FORWARDING.set(Boolean.TRUE);
        try {
            String name = record.getLoggerName() == null || record.getLoggerName().isEmpty() ? ANONYMOUS : record.getLoggerName();
            Logger logger = loggers.getLogger(name);
            String message = Redaction.redact(messages.formatMessage(record));
            Throwable thrown = record.getThrown();
            // The message goes in as an argument, so braces in it are never taken for placeholders;
            // a trailing Throwable is the record's exception.
            Object[] args = thrown == null ? new Object[] {message} : new Object[] {message, thrown};
            log(logger, JulLevels.toOsgi(record.getLevel()), args);
        } catch (RuntimeException e) {
            reportError("Cannot pass a java.util.logging record to the OSGi log", e, java.util.logging.ErrorManager.WRITE_FAILURE);
        } finally {
            FORWARDING.remove();
        }
    }

    private static void log(Logger logger, LogLevel level, Object[] args) {
        switch (level) {
            case AUDIT, ERROR -> logger.error("{}", args);
            case WARN -> logger.warn("{}", args);
            case INFO -> logger.info("{}", args);
            case DEBUG -> logger.debug("{}", args);
            case TRACE -> logger.trace("{}", args);
        }
    }

    @Override
    public void flush() {
        // Nothing is buffered here: the OSGi log hands records to its listeners itself.
    }

    @Override
    public void close() {
        // Nothing held: the logger factory belongs to the component that made this handler.
    }
}
