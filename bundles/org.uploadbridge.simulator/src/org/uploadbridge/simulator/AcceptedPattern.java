package org.uploadbridge.simulator;

import java.time.Instant;

/**
 * A pattern a simulated device accepted.
 *
 * @param fileName the file name of the multipart part as sent
 * @param size bytes received
 * @param leds LED count from the header
 * @param frames frame count from the header
 * @param sha256 lower-case hex SHA-256 of exactly the bytes received
 * @param time when the device accepted it
 */
public record AcceptedPattern(String fileName, long size, int leds, int frames, String sha256, Instant time) {
}
