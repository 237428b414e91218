package org.uploadbridge.firmware.wled.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.core.device.LibraryEntry;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.net.BinaryAnswer;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.FilePart;
import org.uploadbridge.net.FormField;
import org.uploadbridge.net.HttpAnswer;

/**
 * A WLED device's pattern library: native pattern files ({@code /<name>.bin}) in its file system,
 * beside WLED's own {@code .json} files, which the library never shows or touches. Storing needs
 * the device unlocked (a PIN answers 401: UB-D020); playing one reads it back and streams it.
 */
final class WledLibrary {

    static final String EXTENSION = ".bin";
    /** LittleFS on WLED keeps names of at most 31 bytes: "/" + 26 + ".bin". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,26}");

    private final DeviceHttp http;
    private final DeviceTimeouts timeouts;
    private final WledStreams streams;

    WledLibrary(DeviceHttp http, DeviceTimeouts timeouts, WledStreams streams) {
        this.http = http;
        this.timeouts = timeouts;
        this.streams = streams;
    }

    List<LibraryEntry> list(DeviceAddress address) throws UploadBridgeException {
        String playing = streams.playingFromLibrary(address).orElse(null);
        return files(address).stream().filter(file -> file.name().endsWith(EXTENSION))
                .map(file -> {
                    String name = nameOf(file.name());
                    // Counts would cost a download per file: the listing shows what WLED tells, the size.
                    return new LibraryEntry(name, file.size() == null ? 0 : file.size(), 0, 0, name.equals(playing));
                }).toList();
    }

    UploadReceipt store(DeviceAddress address, String name, Path patternFile, TransferProgress progress)
            throws UploadBridgeException {
        requireName(address, name);
        NativePatternCodec.decode(patternFile); // only patterns go in: the library plays what it holds
        long size = WledDriver.size(address, patternFile);
        String sha256 = WledStreams.sha256(address, patternFile);
        HttpAnswer answer = http.postMultipart(address, "/upload", List.<FormField>of(),
                new FilePart("data", "/" + name + EXTENSION, "application/octet-stream", patternFile), progress,
                timeouts.timeout(address, DeviceOperation.UPLOAD, size), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
        if (answer.status() == 507) {
            throw new UploadBridgeException(DeviceError.REJECTED_PATTERN_SIZE, address, WledAnswers.message(answer));
        }
        WledAnswers.requireOk(address, answer, "storing a pattern");
        long stored = files(address).stream().filter(file -> file.name().equals(name + EXTENSION) || file.name().equals("/" + name + EXTENSION))
                .mapToLong(file -> file.size() == null ? -1 : file.size()).findFirst().orElse(-1);
        if (stored != size) {
            throw new UploadBridgeException(DeviceError.VERIFY_MISMATCH, address,
                    stored < 0 ? "no file " + name + EXTENSION : stored + " bytes", size + " bytes");
        }
        return new UploadReceipt(WledAnswers.message(answer), size, sha256);
    }

    void delete(DeviceAddress address, String name) throws UploadBridgeException {
        requireName(address, name);
        HttpAnswer answer = http.get(address, "/edit?func=delete&path=/" + name + EXTENSION,
                timeouts.timeout(address, DeviceOperation.LIBRARY, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
        if (answer.status() == 404) {
            throw new UploadBridgeException(DeviceError.REJECTED, address, "there is no pattern named " + name + " on the device");
        }
        WledAnswers.requireOk(address, answer, "deleting a pattern");
    }

    /** The stored pattern, read back and decoded; bounded by the size the listing reports. */
    org.uploadbridge.core.pattern.Pattern read(DeviceAddress address, String name) throws UploadBridgeException {
        requireName(address, name);
        long size = files(address).stream().filter(file -> nameOf(file.name()).equals(name) && file.name().endsWith(EXTENSION))
                .mapToLong(file -> file.size() == null ? 0 : file.size()).findFirst()
                .orElseThrow(() -> new UploadBridgeException(DeviceError.REJECTED, address,
                        "there is no pattern named " + name + " on the device"));
        BinaryAnswer answer = http.getBytes(address, "/" + name + EXTENSION, timeouts.timeout(address, DeviceOperation.UPLOAD, size),
                size + 1);
        if (!answer.isSuccess()) {
            throw new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, address, answer.status(), "reading " + name + EXTENSION);
        }
        byte[] body = answer.body();
        return NativePatternCodec.decode(ByteBuffer.wrap(body), Path.of(name + EXTENSION), NativePatternCodec.MAX_PIXEL_BYTES);
    }

    private List<WledJson.FileEntry> files(DeviceAddress address) throws UploadBridgeException {
        HttpAnswer answer = WledAnswers.requireOk(address, http.get(address, "/edit?func=list",
                timeouts.timeout(address, DeviceOperation.LIBRARY, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES), "the file list");
        return WledJson.files(http.parseJson(address, answer, WledJson.FileEntry[].class));
    }

    /** "/wave.bin" or "wave.bin" → "wave". */
    private static String nameOf(String path) {
        String file = path.startsWith("/") ? path.substring(1) : path;
        return file.endsWith(EXTENSION) ? file.substring(0, file.length() - EXTENSION.length()) : file;
    }

    private static void requireName(DeviceAddress address, String name) throws UploadBridgeException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UploadBridgeException(DeviceError.REJECTED_FILE_NAME, address, name);
        }
    }
}
