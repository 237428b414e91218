package org.uploadbridge.logging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LoggerFactory;

/**
 * Routes {@code java.util.logging} into the OSGi log, and with it SLF4J (Jetty, JmDNS; through the
 * slf4j-jdk14 provider) and {@code System.Logger} (the simulator; the JDK's default finder logs to
 * JUL): so they reach the log files and the Logs view like every bundle's records. Immediate: it
 * must be in place from start-up.
 * <p>
 * The root logger's console handlers are taken off while the bridge is installed, else every
 * record would also be printed to stderr (and twice with {@code -consoleLog}); they come back
 * when it is removed.
 */
@Component(service = {}, immediate = true)
public final class JulBridge {

    private final java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
    private final OsgiLogHandler handler;
    private final List<Handler> consoleHandlers = new ArrayList<>();

    @Activate
    public JulBridge(@Reference LoggerFactory loggers) {
        handler = new OsgiLogHandler(loggers);
        handler.setLevel(Level.ALL); // the loggers' levels decide (AreaLevels sets them)
        for (Handler existing : root.getHandlers()) {
            if (existing instanceof ConsoleHandler) {
                root.removeHandler(existing);
                consoleHandlers.add(existing);
            }
        }
        root.addHandler(handler);
    }

    @Deactivate
    void deactivate() {
        root.removeHandler(handler);
        consoleHandlers.forEach(root::addHandler);
        consoleHandlers.clear();
    }
}
