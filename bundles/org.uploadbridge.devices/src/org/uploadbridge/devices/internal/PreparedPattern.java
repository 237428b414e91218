package org.uploadbridge.devices.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.validation.ValidationReport;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.FileValidation;
import org.uploadbridge.validation.pattern.PatternValidator;

/**
 * A pattern file read and checked once, ready to send to any number of devices: the native file
 * to send (the original, or a temporary conversion of another format, deleted on close).
 */
final class PreparedPattern implements AutoCloseable {

    private final FileValidation checked;
    private final Path source;
    private final Path nativeFile;
    private final Path temporary;
    /** Reports per device limits: the devices of a fleet mostly share them, so each is checked once. */
    private final Map<DeviceLimits, ValidationReport> reports = new ConcurrentHashMap<>();

    private PreparedPattern(FileValidation checked, Path source, Path nativeFile, Path temporary) {
        this.checked = checked;
        this.source = source;
        this.nativeFile = nativeFile;
        this.temporary = temporary;
    }

    static PreparedPattern of(PatternValidator validator, Path file) throws UploadBridgeException {
        FileValidation checked = validator.loadAndValidate(file, ReadOptions.none(), DeviceLimits.none());
        if (checked.loaded().isEmpty() || "native".equals(checked.loaded().get().formatId())) {
            return new PreparedPattern(checked, file, file, null);
        }
        Path temp;
        try {
            temp = Files.createTempFile("uploadbridge-", ".bin");
        } catch (IOException e) {
            throw new UploadBridgeException(PatternError.WRITE_FAILED, e, "a temporary file", e.getMessage());
        }
        try {
            NativePatternCodec.write(checked.loaded().get().pattern(), temp);
        } catch (UploadBridgeException e) {
            new PreparedPattern(checked, file, temp, temp).close();
            throw e;
        }
        return new PreparedPattern(checked, file, temp, temp);
    }

    /** The file the user chose. */
    Path source() {
        return source;
    }

    FileValidation checked() {
        return checked;
    }

    /** The loaded pattern; empty when the file could not be read (its findings say why). */
    java.util.Optional<LoadedPattern> loaded() {
        return checked.loaded();
    }

    /** The loaded pattern checked against {@code limits}; needs a loaded pattern. */
    ValidationReport reportFor(PatternValidator validator, DeviceLimits limits) {
        Pattern pattern = checked.loaded().orElseThrow().pattern();
        return reports.computeIfAbsent(limits, l -> validator.validate(pattern, l));
    }

    Path nativeFile() {
        return nativeFile;
    }

    @Override
    public void close() {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(NativePatternCodec.geometryFileOf(temporary));
        } catch (IOException e) {
            // the uploads' results matter more than a leftover temporary file: remove it at exit instead
            temporary.toFile().deleteOnExit();
        }
    }
}
