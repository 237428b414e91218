package org.uploadbridge.ui.internal.logs;

import java.time.Instant;
import java.util.Optional;

import org.osgi.service.log.LogLevel;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * One log record as the Logs view shows it.
 *
 * @param error the catalogued error the record carries (as its exception or by its code in the
 *     message), or {@code null}
 */
public record LogRecord(long sequence, Instant time, LogLevel level, String source, String message, String exception,
        UploadBridgeException error) {

    public Optional<UploadBridgeException> catalogued() {
        return Optional.ofNullable(error);
    }
}
