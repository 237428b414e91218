package org.uploadbridge.ui.internal.logs;

import java.time.format.DateTimeFormatter;

import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.logging.Redaction;
import org.uploadbridge.ui.internal.common.ErrorDialogs;

/** The text of the Logs view's details pane for one record. */
final class RecordDetails {

    private RecordDetails() {
    }

    /**
     * The record in full: time, level, source, message and stack trace; for a catalogued error its
     * guidance first, as the error dialogs word it. Redacted again: the guidance quotes the error's
     * arguments, which never went through the log's redaction.
     */
    static String of(LogRecord record) {
        StringBuilder text = new StringBuilder();
        record.catalogued().ifPresent(error -> text.append(guidance(error)).append("\n\n"));
        text.append(DateTimeFormatter.ISO_INSTANT.format(record.time())).append(' ').append(record.level()).append(' ')
                .append(record.source()).append('\n').append(record.message());
        if (!record.exception().isEmpty()) {
            text.append('\n').append(record.exception());
        }
        return Redaction.redact(text.toString());
    }

    private static String guidance(UploadBridgeException error) {
        CatalogEntry entry = error.entry();
        return entry.code() + " " + entry.title() + "\n" + ErrorDialogs.describe("The logged operation", error);
    }
}
