package org.uploadbridge.core.device;

/** One pattern stored in a device's pattern library. */
public record LibraryEntry(String name, long sizeBytes, int ledCount, int frameCount, boolean selected) {
}
