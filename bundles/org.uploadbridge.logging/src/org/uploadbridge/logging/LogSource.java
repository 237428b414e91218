package org.uploadbridge.logging;

import org.osgi.service.log.LogEntry;

/**
 * Where a log record comes from, as the log files and the Logs view show it: the bundle, and the
 * logger when it says more than the bundle. Records this bundle passes on from
 * {@code java.util.logging} (SLF4J, {@code System.Logger}) show their own logger name alone.
 */
public final class LogSource {

    /** The bundle that passes on {@code java.util.logging} records. */
    public static final String BRIDGE_BUNDLE = "org.uploadbridge.logging";

    private LogSource() {
    }

    public static String of(LogEntry entry) {
        String logger = entry.getLoggerName();
        String bundle = entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName();
        boolean named = logger != null && !logger.isEmpty() && !"LogService".equals(logger) && !logger.equals(bundle);
        if (named && BRIDGE_BUNDLE.equals(bundle) && !logger.startsWith(BRIDGE_BUNDLE + ".")) {
            return logger;
        }
        // The platform's own loggers (ILog logs as org.eclipse.equinox.logger) say nothing the bundle name does not.
        boolean generic = !named || logger.startsWith("org.eclipse.");
        return generic ? bundle : bundle + " / " + logger;
    }
}
