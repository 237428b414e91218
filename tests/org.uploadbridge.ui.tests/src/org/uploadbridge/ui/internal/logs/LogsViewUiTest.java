package org.uploadbridge.ui.internal.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.ILog;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.resilience.ResilienceError;

/** The Logs view shows records live as bundles log them, its filters narrow them, and it explains catalogued errors. */
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

    @Test
    void filtersBySourceIncludingRecordsFromSystemLoggers() throws Exception {
        LogsView view = (LogsView) page().showView(LogsView.ID);
        view.setLowestLevel(LogLevel.INFO);
        String token = "ui-source-" + UUID.randomUUID();
        String logger = "org.uploadbridge.simulator.test.UiSource";
        ILog.of(LogsViewUiTest.class).warn(token + " from the workbench");
        System.getLogger(logger).log(System.Logger.Level.WARNING, token + " from the simulator, pin=1234");

        view.setTextFilter(token);
        waitUntil("both records in the Logs view", Duration.ofSeconds(10), () -> {
            view.setTextFilter(token);
            return view.visibleRecords().size() == 2;
        });
        assertTrue(view.sources().contains(logger), view.sources().toString());
        assertTrue(view.sources().contains("org.uploadbridge.ui"), view.sources().toString());
        assertEquals(LogsView.ALL_SOURCES, view.sources().get(0));

        view.setSourceFilter(logger);
        assertEquals(1, view.visibleRecords().size());
        LogRecord simulator = view.visibleRecords().get(0);
        assertEquals(logger, simulator.source());
        assertEquals(LogLevel.WARN, simulator.level());
        assertEquals(token + " from the simulator, pin=***", simulator.message(), "a System.Logger record is redacted too");
        view.setSourceFilter("org.uploadbridge.ui");
        assertEquals(List.of(token + " from the workbench"), view.visibleRecords().stream().map(LogRecord::message).toList());
        view.setSourceFilter(LogsView.ALL_SOURCES);
        assertEquals(2, view.visibleRecords().size());
        view.setTextFilter("");
    }

    @Test
    void showsTheGuidanceOfACataloguedError() throws Exception {
        LogsView view = (LogsView) page().showView(LogsView.ID);
        view.setLowestLevel(LogLevel.INFO);
        String token = "ui-guidance-" + UUID.randomUUID();
        UploadBridgeException paused = new UploadBridgeException(ResilienceError.BREAKER_OPEN, "192.168.1.20", 5, 30);
        ILog log = ILog.of(LogsViewUiTest.class);
        log.error(token + " upload stopped", new IllegalStateException("wrapped", paused));
        log.warn(token + " quota reached: " + ResilienceError.HOURLY_QUOTA.id() + " for 192.168.1.21");
        log.info(token + " nothing catalogued here");

        view.setTextFilter(token);
        waitUntil("the three records in the Logs view", Duration.ofSeconds(10), () -> {
            view.setTextFilter(token);
            return view.visibleRecords().size() == 3;
        });
        LogRecord thrown = record(view, "upload stopped");
        String details = view.showDetails(thrown);
        CatalogEntry entry = ResilienceError.BREAKER_OPEN.entry();
        assertTrue(details.startsWith("UB-R001 " + entry.title() + "\n"), details);
        assertTrue(details.contains(paused.detail()), "what happened: " + details);
        assertTrue(details.contains("\n1. " + entry.steps().get(0)), "the numbered steps: " + details);
        assertTrue(details.contains("docs/troubleshooting.md#ub-r001"), details);

        log.info(token + " arrives later");
        waitUntil("the later record in the Logs view", Duration.ofSeconds(10), () -> view.visibleRecords().size() == 4);
        assertEquals(List.of(thrown), view.selectedRecords(), "a live refresh keeps the selection");

        String byCode = view.showDetails(record(view, "quota reached"));
        assertTrue(byCode.startsWith("UB-R002 " + ResilienceError.HOURLY_QUOTA.entry().title() + "\n"), byCode);
        assertTrue(byCode.contains("quota reached: UB-R002 for 192.168.1.21"), byCode);
        assertTrue(byCode.contains("docs/troubleshooting.md#ub-r002"), byCode);

        String plain = view.showDetails(record(view, "nothing catalogued"));
        assertFalse(plain.contains("What to try"), plain);
        assertTrue(plain.contains(token + " nothing catalogued here"), plain);
        view.setTextFilter("");
    }

    private static LogRecord record(LogsView view, String text) {
        return view.visibleRecords().stream().filter(r -> r.message().contains(text)).findFirst().orElseThrow();
    }
}
