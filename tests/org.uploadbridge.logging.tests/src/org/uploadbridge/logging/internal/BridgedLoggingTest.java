package org.uploadbridge.logging.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.logging.ConsoleHandler;
import java.util.logging.LogManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;
import org.uploadbridge.logging.LogArea;
import org.uploadbridge.logging.LogFiles;
import org.uploadbridge.logging.LogLevels;
import org.uploadbridge.testing.OsgiServices;

/**
 * SLF4J (Jetty, JmDNS) and System.Logger (the simulator) go through java.util.logging into the
 * OSGi log: they reach the rotating files once each, at their level, with secrets masked.
 */
class BridgedLoggingTest {

    private static final String PID = "org.uploadbridge.logging";

    @TempDir
    Path dir;

    private LogFiles files;

    @BeforeEach
    void writeToTheTestFolder() {
        OsgiServices.configure(PID, Map.of(LogFiles.DIRECTORY, dir.toString()), () -> logFiles().currentFile().startsWith(dir));
        files = logFiles();
    }

    @AfterEach
    void backToDefaults() {
        OsgiServices.unconfigure(PID, () -> !logFiles().currentFile().startsWith(dir));
    }

    @Test
    void slf4jIsBoundToJavaUtilLoggingAndNothingPrintsToTheConsole() {
        String factory = org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName();
        assertTrue(factory.startsWith("org.slf4j.jul."), "SLF4J logs through slf4j-jdk14, not " + factory);
        assertFalse(Arrays.stream(LogManager.getLogManager().getLogger("").getHandlers()).anyMatch(ConsoleHandler.class::isInstance),
                "the console handler is off while records go to the OSGi log");
    }

    @Test
    void anSlf4jRecordReachesTheFileOnceRedactedAtItsLevel() {
        String marker = "slf4j-" + UUID.randomUUID();
        org.slf4j.LoggerFactory.getLogger("org.uploadbridge.net.test.Slf4jClient")
                .warn("login to 192.168.1.20 with password=hunter2 {} {}", "and {braces}", marker);

        String line = LogFileText.onlyLine(LogFileText.await(files, marker), marker);
        assertTrue(line.matches("\\S+ WARN  org\\.uploadbridge\\.net\\.test\\.Slf4jClient - login to 192\\.168\\.1\\.20 with password=\\*\\*\\* "
                + "and \\{braces\\} " + marker), line);
    }

    @Test
    void aSystemLoggerRecordReachesTheFileWithItsExceptionRedacted() {
        String marker = "system-logger-" + UUID.randomUUID();
        System.Logger logger = System.getLogger("org.uploadbridge.simulator.test.Device");
        logger.log(System.Logger.Level.ERROR, "device pin=4321 refused " + marker,
                new IllegalStateException("Authorization: Basic dXNlcjpwYXNz was refused"));

        String text = LogFileText.await(files, marker);
        String line = LogFileText.onlyLine(text, marker);
        assertTrue(line.matches("\\S+ ERROR org\\.uploadbridge\\.simulator\\.test\\.Device - device pin=\\*\\*\\* refused " + marker), line);
        assertTrue(text.contains("\n    java.lang.IllegalStateException: Authorization: Basic *** was refused\n"), text);
        assertFalse(text.contains("4321") || text.contains("dXNlcjpwYXNz"), text);
    }

    @Test
    void thirdPartyLibrariesLogWarningsButNotInfoByDefault() {
        String info = "jetty-info-" + UUID.randomUUID();
        String warning = "jetty-warn-" + UUID.randomUUID();
        org.slf4j.Logger jetty = org.slf4j.LoggerFactory.getLogger("org.eclipse.jetty.test.Client");
        jetty.info(info);
        jetty.warn(warning);

        String text = LogFileText.await(files, warning);
        assertTrue(LogFileText.onlyLine(text, warning).contains(" WARN  org.eclipse.jetty.test.Client - "), text);
        assertFalse(text.contains(info), "INFO of a library is below its default level WARN");
    }

    @Test
    void aLevelChangeThroughConfigurationAdminAppliesAtOnce() {
        // An OSGi logger of bundle org.uploadbridge.testing (whose context got the service)
        org.osgi.service.log.Logger devices = OsgiServices.await(org.osgi.service.log.LoggerFactory.class)
                .getLogger("org.uploadbridge.devices.test.Poller");
        System.Logger simulator = System.getLogger("org.uploadbridge.simulator.test.Poller");
        org.slf4j.Logger network = org.slf4j.LoggerFactory.getLogger("org.uploadbridge.net.test.Poller");
        String dropped = "dropped-" + UUID.randomUUID();
        devices.debug(dropped + " osgi");
        simulator.log(System.Logger.Level.DEBUG, dropped + " system");
        network.debug(dropped + " slf4j");
        String fence = "fence-" + UUID.randomUUID();
        devices.warn(fence);
        assertFalse(LogFileText.await(files, fence).contains(dropped), "DEBUG is below the default level INFO");

        OsgiServices.configure(PID, Map.of(LogFiles.DIRECTORY, dir.toString(), LogArea.DEVICES.property(), "DEBUG",
                LogArea.SIMULATOR.property(), "debug", LogArea.NETWORK.property(), "TRACE"),
                () -> levels().level(LogArea.NETWORK) == LogLevel.TRACE && logFiles().currentFile().startsWith(dir));
        files = logFiles();
        String kept = "kept-" + UUID.randomUUID();
        devices.debug(kept + " osgi");
        simulator.log(System.Logger.Level.DEBUG, kept + " system");
        network.trace(kept + " slf4j");
        devices.warn(fence + "-2");

        String text = LogFileText.await(files, fence + "-2");
        assertTrue(LogFileText.onlyLine(text, kept + " osgi").contains(" DEBUG org.uploadbridge.testing / org.uploadbridge.devices.test.Poller - "), text);
        assertTrue(LogFileText.onlyLine(text, kept + " system").contains(" DEBUG org.uploadbridge.simulator.test.Poller - "), text);
        assertTrue(LogFileText.onlyLine(text, kept + " slf4j").contains(" TRACE org.uploadbridge.net.test.Poller - "), text);
        assertFalse(text.contains(dropped), "records dropped before the change stay dropped");
        assertTrue(levels().level(LogArea.LIBRARIES) == LogLevel.WARN, "areas not configured keep their defaults");
    }

    private static LogFiles logFiles() {
        return OsgiServices.await(LogFiles.class);
    }

    private static LogLevels levels() {
        return OsgiServices.await(LogLevels.class);
    }
}
