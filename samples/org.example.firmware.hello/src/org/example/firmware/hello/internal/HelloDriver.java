package org.example.firmware.hello.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.core.device.LoadedPatternInfo;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.FilePart;
import org.uploadbridge.net.HttpAnswer;

/**
 * The driver for the made-up "hello" firmware: {@code GET /hello/status} tells what the device is
 * and plays, {@code POST /hello/pattern} takes a native {@code .bin} pattern. A sample for
 * third-party authors: it uses the SDK packages only, and DS finds it as any other driver.
 */
@Component(service = DeviceDriver.class)
public final class HelloDriver implements DeviceDriver {

    static final String FIRMWARE_ID = "hello";
    private static final String STATUS = "/hello/status";
    private static final String PATTERN = "/hello/pattern";

    private final DeviceHttp http;
    private final DeviceTimeouts timeouts;

    @Activate
    public HelloDriver(@Reference DeviceHttp http, @Reference DeviceTimeouts timeouts) {
        this.http = http;
        this.timeouts = timeouts;
    }

    @Override
    public String firmwareId() {
        return FIRMWARE_ID;
    }

    @Override
    public String displayName() {
        return "Hello firmware (sample)";
    }

    /** Empty: not one of ours. Throws: cannot tell now (busy, garbled, stalled), so a guarded caller retries. */
    @Override
    public Optional<DeviceStatus> probe(DeviceAddress address) throws UploadBridgeException {
        // 200 JSON: maybe ours; a 404 or a web page: some other thing; a 5xx or no answer: throws (cannot tell now).
        Optional<HttpAnswer> answer = http.probeJson(address, STATUS, timeouts.timeout(address, DeviceOperation.STATUS, 0));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        HelloJson.Status status = http.parseJson(address, answer.get(), HelloJson.Status.class);
        return status.isHello() ? Optional.of(toStatus(address, status)) : Optional.empty();
    }

    @Override
    public DeviceStatus status(DeviceAddress address) throws UploadBridgeException {
        HttpAnswer answer = getStatus(address);
        if (answer.status() != 200) {
            throw unexpected(address, answer, "its status");
        }
        HelloJson.Status status = http.parseJson(address, answer, HelloJson.Status.class);
        if (!status.isHello()) {
            throw new UploadBridgeException(DeviceError.NOT_RECOGNISED, address);
        }
        return toStatus(address, status);
    }

    @Override
    public UploadReceipt upload(DeviceAddress address, Path patternFile, TransferProgress progress) throws UploadBridgeException {
        long size = size(address, patternFile);
        MessageDigest sha256 = sha256();
        // The SDK streams files as multipart only (DeviceHttp has no raw-body POST): one part, the .bin.
        HttpAnswer answer = http.postMultipart(address, PATTERN, List.of(),
                new FilePart("pattern", patternFile.getFileName().toString(), "application/octet-stream", patternFile),
                progress, timeouts.timeout(address, DeviceOperation.UPLOAD, size), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES,
                (ByteBuffer sent) -> sha256.update(sent));
        HelloJson.Result result = answer.contentType().contains("json")
                ? http.parseJson(address, answer, HelloJson.Result.class) : new HelloJson.Result(null, null);
        String message = result.message() == null ? "" : result.message();
        if (answer.status() == 200 && Boolean.TRUE.equals(result.ok())) {
            return new UploadReceipt(message, size, HexFormat.of().formatHex(sha256.digest()));
        }
        if (answer.status() == 400) {
            throw new UploadBridgeException(DeviceError.REJECTED, address, message.isEmpty() ? answer.body() : message);
        }
        throw unexpected(address, answer, "the pattern");
    }

    private HttpAnswer getStatus(DeviceAddress address) throws UploadBridgeException {
        // Timeouts come from the DeviceTimeouts service: the user's settings and what the device has shown it needs.
        return http.get(address, STATUS, timeouts.timeout(address, DeviceOperation.STATUS, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
    }

    private static DeviceStatus toStatus(DeviceAddress address, HelloJson.Status status) {
        HelloJson.Pattern p = status.pattern();
        LoadedPatternInfo pattern = p == null || !Boolean.TRUE.equals(p.loaded()) ? LoadedPatternInfo.none()
                : new LoadedPatternInfo(true, orZero(p.leds()), orZero(p.frames()), p.bytes() == null ? 0 : p.bytes());
        String name = status.name() == null || status.name().isBlank() ? address.host() : status.name();
        return new DeviceStatus(address, FIRMWARE_ID, name, Optional.ofNullable(status.version()), Optional.empty(),
                status.leds() == null ? OptionalInt.empty() : OptionalInt.of(status.leds()), OptionalLong.empty(), pattern, "",
                EnumSet.of(Capability.STATUS, Capability.UPLOAD));
    }

    private static UploadBridgeException unexpected(DeviceAddress address, HttpAnswer answer, String what) {
        String body = answer.body().length() <= 200 ? answer.body() : answer.body().substring(0, 200) + "...";
        return new UploadBridgeException(DeviceError.UNEXPECTED_STATUS, address, answer.status(),
                "the device did not send " + what + " (" + body + ")");
    }

    private static long size(DeviceAddress address, Path file) throws UploadBridgeException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UploadBridgeException(DeviceError.REJECTED, e, address, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
