package org.uploadbridge.net;

import java.nio.file.Path;

/**
 * The file part of a multipart upload, streamed from disk.
 *
 * @param fieldName the form field, e.g. {@code file}
 * @param fileName the name the device sees, e.g. {@code pattern.bin}
 * @param contentType e.g. {@code application/octet-stream}
 * @param file the file to send
 */
public record FilePart(String fieldName, String fileName, String contentType, Path file) {
}
