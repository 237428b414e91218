package org.uploadbridge.ui.internal.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.core.runtime.ILog;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

/** The Logs view shows records live as bundles log them, and its filters narrow them. */
class LogsViewUiTest {

    @Test
    void showsNewRecordsLiveAndFiltersByTextAndLevel() throws Exception {
        LogsView view = (LogsView) page().showView(LogsView.ID);
        view.setLowestLevel(LogLevel.INFO);
        String token = "ui-test-" + UUID.randomUUID();
        ILog log = ILog.of(LogsViewUiTest.class);
        log.info(token + " info");
        log.warn(token + " warning");
        log.error(token + " error", new IllegalStateException("boom " + token));

        waitUntil("the three records in the Logs view", Duration.ofSeconds(10),
                () -> view.visibleRecords().stream().filter(r -> r.message().contains(token)).count() == 3);

        view.setTextFilter(token);
        assertEquals(3, view.visibleRecords().size(), "the text filter keeps only this test's records");
        view.setLowestLevel(LogLevel.WARN);
        assertEquals(2, view.visibleRecords().size(), "warnings and errors");
        view.setLowestLevel(LogLevel.ERROR);
        assertEquals(1, view.visibleRecords().size());
        LogRecord error = view.visibleRecords().get(0);
        assertEquals(LogLevel.ERROR, error.level());
        assertTrue(error.exception().contains("boom " + token), "the stack trace is kept with the record");
        view.setTextFilter("boom " + token);
        assertEquals(1, view.visibleRecords().size(), "the text filter searches stack traces too");
        view.setTextFilter("");
        view.setLowestLevel(LogLevel.INFO);
    }

    @Test
    void showsSecretsMasked() throws Exception {
        LogsView view = (LogsView) page().showView(LogsView.ID);
        view.setLowestLevel(LogLevel.INFO);
        String token = "ui-secret-" + UUID.randomUUID();
        ILog.of(LogsViewUiTest.class).error(token + " login with password=hunter2 pin=4321",
                new IllegalStateException("Authorization: Basic dXNlcjpwYXNz"));

        waitUntil("the record in the Logs view", Duration.ofSeconds(10),
                () -> view.visibleRecords().stream().anyMatch(r -> r.message().contains(token)));
        LogRecord record = view.visibleRecords().stream().filter(r -> r.message().contains(token)).findFirst().orElseThrow();
        assertEquals(token + " login with password=*** pin=***", record.message());
        assertTrue(record.exception().contains("Authorization: Basic ***"), record.exception());
        assertFalse(record.exception().contains("dXNlcjpwYXNz"), record.exception());

        view.setTextFilter(token);
        Path exported = Files.createTempDirectory("logs-export").resolve("log.txt");
        view.export(exported);
        String text = Files.readString(exported);
        assertTrue(text.contains(" ERROR ") && text.contains(token + " login with password=*** pin=***"), text);
        assertTrue(text.contains("    java.lang.IllegalStateException: Authorization: Basic ***"), "the stack trace, indented: " + text);
        assertFalse(text.contains("hunter2") || text.contains("dXNlcjpwYXNz"), "no secret is exported");
        assertEquals(view.visibleRecords().size(), text.lines().filter(line -> !line.startsWith("    ")).count(),
                "one line per record shown");
        view.setTextFilter("");
    }
}
