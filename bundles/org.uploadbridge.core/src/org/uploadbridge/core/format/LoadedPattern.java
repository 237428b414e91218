package org.uploadbridge.core.format;

import java.nio.file.Path;

import org.uploadbridge.core.pattern.Pattern;

/** A pattern with the file and format it came from. */
public record LoadedPattern(Path file, String formatId, long fileSize, Pattern pattern) {
}
