package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.testing.ErrorCatalogContract;

/** The application catalogue keeps the contract; an unexpected failure becomes its internal error. */
class ApplicationErrorCatalogTest extends ErrorCatalogContract {

    @Override
    protected List<? extends ErrorCode> codes() {
        return List.of(ApplicationError.values());
    }

    @Test
    void anUnexpectedFailureBecomesTheInternalErrorNamingTheLog() {
        IllegalStateException defect = new IllegalStateException("index 3 out of bounds");
        UploadBridgeException e = ApplicationError.internal("uploading", defect, "/tmp/ws/upload-bridge.log");
        assertEquals(ApplicationError.INTERNAL, e.code());
        assertSame(defect, e.getCause(), "the stack trace is kept for the log");
        assertTrue(e.detail().contains("while uploading: IllegalStateException: index 3 out of bounds"), e.detail());
        assertTrue(e.detail().contains("/tmp/ws/upload-bridge.log"), e.detail());
    }

    @Test
    void aCataloguedFailureStaysAsItIs() {
        UploadBridgeException unreachable = new UploadBridgeException(DeviceError.UNREACHABLE, new IOException("refused"),
                "127.0.0.1:9", "connection refused");
        assertSame(unreachable, ApplicationError.internal("reading the status", unreachable, "log"));
        assertSame(unreachable, ApplicationError.internal("reading the status", new IllegalStateException(unreachable), "log"),
                "carried through an unchecked exception");
    }
}
