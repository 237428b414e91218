package org.uploadbridge.logging;

import java.util.Map;

import org.osgi.service.log.LogLevel;

/**
 * The log level of each {@link LogArea} now in force, for the OSGi log and for
 * {@code java.util.logging} (which SLF4J and {@code System.Logger} feed) alike. Set through
 * configuration PID {@code org.uploadbridge.logging}; a new configuration applies at once.
 */
public interface LogLevels {

    /** Every area with its level now. */
    Map<LogArea, LogLevel> levels();

    default LogLevel level(LogArea area) {
        return levels().get(area);
    }
}
