package org.uploadbridge.core.device;

/**
 * What the device said when it accepted a pattern.
 *
 * @param deviceMessage the device's own words, e.g. "Pattern loaded: 8 LEDs × 6 frames (160 bytes)"
 * @param bytesSent the bytes of the pattern file sent
 * @param sha256 hex SHA-256 of exactly the bytes sent
 */
public record UploadReceipt(String deviceMessage, long bytesSent, String sha256) {
}
