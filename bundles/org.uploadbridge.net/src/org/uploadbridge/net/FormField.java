package org.uploadbridge.net;

/** A plain text field of a multipart form. */
public record FormField(String name, String value) {
}
