package org.uploadbridge.logging.internal;

import java.util.logging.Level;

import org.osgi.service.log.LogLevel;

/** The correspondence of {@code java.util.logging} levels and OSGi log levels, both ways. */
final class JulLevels {

    private JulLevels() {
    }

    static Level toJul(LogLevel level) {
        return switch (level) {
            case AUDIT, ERROR -> Level.SEVERE;
            case WARN -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.FINE; // System.Logger DEBUG and SLF4J debug
            case TRACE -> Level.FINEST;
        };
    }

    /** CONFIG counts as debug: it is detail a user does not need at INFO. */
    static LogLevel toOsgi(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        if (value >= Level.FINE.intValue()) {
            return LogLevel.DEBUG;
        }
        return LogLevel.TRACE;
    }
}
