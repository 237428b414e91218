package org.uploadbridge.logging.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.uploadbridge.logging.LogArea;
import org.uploadbridge.logging.LogLevels;

/**
 * Applies the level of each {@link LogArea} to the OSGi log (through the R7 {@link LoggerAdmin})
 * and to {@code java.util.logging}, live on every new configuration.
 * <p>
 * OSGi loggers are named by class, but the Eclipse {@code ILog} of a bundle always logs as
 * {@code org.eclipse.equinox.logger}: so each installed bundle's logger context gets its area's
 * level as its root level, plus every area's prefix, and the framework's root context gets the
 * prefixes too (for bundles of no area). Records bridged from {@code java.util.logging} carry
 * their own logger names and are filtered first by the JUL levels set here.
 */
@Component(service = LogLevels.class, configurationPid = "org.uploadbridge.logging", immediate = true)
public final class AreaLevels implements LogLevels {

    private final LoggerAdmin admin;
    private final BundleContext context;
    private final Logger log;
    /** JUL keeps loggers weakly: a level set on one nobody holds would be lost with it. */
    private final List<java.util.logging.Logger> julLoggers = new ArrayList<>();
    private final Set<String> contextsSet = new HashSet<>();
    private volatile Map<LogArea, LogLevel> levels = Map.of();

    @Activate
    public AreaLevels(@Reference LoggerAdmin admin, @Reference(service = LoggerFactory.class) Logger log, BundleContext context,
            Map<String, Object> properties) {
        this.admin = admin;
        this.log = log;
        this.context = context;
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        LoggerContext root = admin.getLoggerContext(null);
        Map<String, LogLevel> rootLevels = new HashMap<>(root.getLogLevels());
        for (LogArea area : LogArea.values()) {
            area.prefixes().forEach(rootLevels::remove);
        }
        root.setLogLevels(rootLevels);
        contextsSet.forEach(name -> admin.getLoggerContext(name).clear());
        contextsSet.clear();
        julLoggers.forEach(l -> l.setLevel(null));
        julLoggers.clear();
    }

    @Override
    public Map<LogArea, LogLevel> levels() {
        return levels;
    }

    private synchronized void apply(Map<String, Object> properties) {
        Map<LogArea, LogLevel> configured = new EnumMap<>(LogArea.class);
        for (LogArea area : LogArea.values()) {
            configured.put(area, level(area, properties.get(area.property())));
        }
        Map<String, LogLevel> byPrefix = new HashMap<>();
        configured.forEach((area, level) -> area.prefixes().forEach(prefix -> byPrefix.put(prefix, level)));

        LoggerContext root = admin.getLoggerContext(null);
        Map<String, LogLevel> rootLevels = new HashMap<>(root.getLogLevels());
        rootLevels.putAll(byPrefix);
        root.setLogLevels(rootLevels);
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            LogArea.of(name).ifPresent(area -> {
                Map<String, LogLevel> bundleLevels = new HashMap<>(byPrefix);
                bundleLevels.put(Logger.ROOT_LOGGER_NAME, configured.get(area));
                admin.getLoggerContext(name).setLogLevels(bundleLevels);
                contextsSet.add(name);
            });
        }

        julLoggers.clear();
        byPrefix.forEach((prefix, level) -> {
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger(prefix);
            jul.setLevel(JulLevels.toJul(level));
            julLoggers.add(jul);
        });
        levels = Collections.unmodifiableMap(configured);
    }

    /** A level that cannot be read is reported and the area keeps its default, so logging never stops. */
    private LogLevel level(LogArea area, Object value) {
        if (value == null || value.toString().isBlank()) {
            return area.defaultLevel();
        }
        try {
            return LogArea.parseLevel(value);
        } catch (IllegalArgumentException e) {
            log.warn("Configuration org.uploadbridge.logging, {}: {}; the area logs at {}", area.property(), e.getMessage(),
                    area.defaultLevel());
            return area.defaultLevel();
        }
    }
}
