package org.uploadbridge.core.device;

/**
 * Told how a transfer to a device advances, and asked whether to go on. Called from the transfer's
 * thread; implementations must be quick and thread-safe.
 */
public interface TransferProgress {

    /** No progress reporting, never cancelled. */
    TransferProgress NONE = (sent, total) -> { };

    /** {@code sentBytes} of {@code totalBytes} have gone out. */
    void transferred(long sentBytes, long totalBytes);

    /** True when the user cancelled: the transfer stops and fails as cancelled. */
    default boolean isCancelled() {
        return false;
    }
}
