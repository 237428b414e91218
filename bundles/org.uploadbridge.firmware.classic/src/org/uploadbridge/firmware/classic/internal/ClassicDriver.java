package org.uploadbridge.firmware.classic.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.DeviceOperationNotSupportedException;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.core.device.LibraryEntry;
import org.uploadbridge.core.device.LoadedPatternInfo;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.FilePart;
import org.uploadbridge.net.FormField;
import org.uploadbridge.net.HttpAnswer;

import com.google.gson.JsonObject;

/**
 * The driver for the original Upload Bridge ESP firmware (device-protocols.md §2). The optional
 * endpoints of extended builds are probed once per device; 404 means "not supported".
 */
@Component(service = DeviceDriver.class)
public final class ClassicDriver implements DeviceDriver {

    static final String FIRMWARE_ID = "classic";

    private final DeviceHttp http;
    private final DeviceTimeouts timeouts;
    private final Map<DeviceAddress, Set<Capability>> capabilities = new ConcurrentHashMap<>();
    private final Set<DeviceAddress> probed = ConcurrentHashMap.newKeySet();

    @Activate
    public ClassicDriver(@Reference DeviceHttp http, @Reference DeviceTimeouts timeouts) {
        this.http = http;
        this.timeouts = timeouts;
    }

    @Override
    public String firmwareId() {
        return FIRMWARE_ID;
    }

    @Override
    public String displayName() {
        return "Upload Bridge classic firmware";
    }

    @Override
    public Optional<DeviceStatus> probe(DeviceAddress address) throws UploadBridgeException {
        Optional<HttpAnswer> answer = http.probeJson(address, "/api/status", timeouts.timeout(address, DeviceOperation.STATUS, 0));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        // JSON that does not parse at our status path is a garbled answer (flaky WiFi), not another firmware: may pass on a retry.
        ClassicJson.Status status = http.parseJson(address, answer.get(), ClassicJson.Status.class);
        if (!status.looksClassic()) {
            return Optional.empty();
        }
        // One request per host keeps a subnet scan fast; the optional endpoints are probed on first use.
        return Optional.of(toStatus(address, status));
    }

    @Override
    public DeviceStatus status(DeviceAddress address) throws UploadBridgeException {
        HttpAnswer answer = http.get(address, "/api/status", timeouts.timeout(address, DeviceOperation.STATUS, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
        ClassicResults.requireOk(address, answer, "status");
        ClassicJson.Status status = http.parseJson(address, answer, ClassicJson.Status.class);
        if (!status.looksClassic()) {
            throw new UploadBridgeException(DeviceError.NOT_RECOGNISED, address);
        }
        if (!probed.contains(address)) {
            capabilities.put(address, probeCapabilities(address));
        }
        return toStatus(address, status);
    }

    @Override
    public UploadReceipt upload(DeviceAddress address, Path patternFile, TransferProgress progress) throws UploadBridgeException {
        return sendPattern(address, "/api/upload", List.of(), patternFile, progress);
    }

    @Override
    public List<LibraryEntry> libraryList(DeviceAddress address) throws UploadBridgeException {
        requireCapability(address, Capability.PATTERN_LIBRARY);
        HttpAnswer answer = optional(address, Capability.PATTERN_LIBRARY,
                http.get(address, "/api/library/list", timeouts.timeout(address, DeviceOperation.LIBRARY, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES));
        ClassicResults.requireOk(address, answer, "the library list");
        ClassicJson.LibraryItem[] items = http.parseJson(address, answer, ClassicJson.LibraryItem[].class);
        return java.util.Arrays.stream(items).filter(java.util.Objects::nonNull)
                .map(p -> new LibraryEntry(p.name, orZero(p.size), orZero(p.leds), orZero(p.frames), Boolean.TRUE.equals(p.active)))
                .toList();
    }

    @Override
    public UploadReceipt libraryUpload(DeviceAddress address, String name, Path patternFile, TransferProgress progress)
            throws UploadBridgeException {
        requireCapability(address, Capability.PATTERN_LIBRARY);
        return sendPattern(address, "/api/library/upload", List.of(new FormField("name", name)), patternFile, progress);
    }

    @Override
    public void libraryDelete(DeviceAddress address, String name) throws UploadBridgeException {
        command(address, Capability.PATTERN_LIBRARY, "/api/library/delete", named(name), DeviceOperation.LIBRARY);
    }

    @Override
    public void librarySelect(DeviceAddress address, String name) throws UploadBridgeException {
        command(address, Capability.PATTERN_LIBRARY, "/api/library/select", named(name), DeviceOperation.LIBRARY);
    }

    @Override
    public void firmwareUpdate(DeviceAddress address, Path image, TransferProgress progress) throws UploadBridgeException {
        requireCapability(address, Capability.FIRMWARE_UPDATE);
        long size = size(address, image);
        HttpAnswer answer = optional(address, Capability.FIRMWARE_UPDATE, http.postMultipart(address, "/api/ota/update", List.of(),
                new FilePart("firmware", image.getFileName().toString(), "application/octet-stream", image), progress,
                timeouts.timeout(address, DeviceOperation.FIRMWARE, size), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES));
        ClassicResults.requireSuccess(http, address, answer, size, image.getFileName().toString());
    }

    @Override
    public void setBrightness(DeviceAddress address, int brightness) throws UploadBridgeException {
        if (brightness < 0 || brightness > 255) {
            throw new IllegalArgumentException("brightness is 0..255, not " + brightness);
        }
        JsonObject body = new JsonObject();
        body.addProperty("brightness", brightness);
        command(address, Capability.BRIGHTNESS, "/api/brightness", body.toString(), DeviceOperation.CONTROL);
    }

    @Override
    public void restart(DeviceAddress address) throws UploadBridgeException {
        command(address, Capability.RESTART, "/api/restart", "{}", DeviceOperation.CONTROL);
    }

    private UploadReceipt sendPattern(DeviceAddress address, String path, List<FormField> fields, Path file,
            TransferProgress progress) throws UploadBridgeException {
        long size = size(address, file);
        Sha256 sha256 = new Sha256();
        HttpAnswer answer = http.postMultipart(address, path, fields,
                new FilePart("file", file.getFileName().toString(), "application/octet-stream", file), progress,
                timeouts.timeout(address, DeviceOperation.UPLOAD, size), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES, sha256);
        if (answer.status() == 404 && !"/api/upload".equals(path)) {
            throw new DeviceOperationNotSupportedException(address, Capability.PATTERN_LIBRARY);
        }
        String message = ClassicResults.requireSuccess(http, address, answer, size, file.getFileName().toString());
        return new UploadReceipt(message, size, sha256.hex());
    }

    private void command(DeviceAddress address, Capability capability, String path, String json, DeviceOperation operation)
            throws UploadBridgeException {
        requireCapability(address, capability);
        HttpAnswer answer = optional(address, capability,
                http.postJson(address, path, json, timeouts.timeout(address, operation, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES));
        ClassicResults.requireSuccess(http, address, answer, 0, path);
    }

    /**
     * Optional endpoints are probed once per device (not by sending a body the device would refuse
     * halfway: the firmware closes the connection on a 404 while the client is still sending).
     */
    private void requireCapability(DeviceAddress address, Capability capability) throws UploadBridgeException {
        Set<Capability> known = capabilities.get(address);
        if (known == null || !probed.contains(address)) {
            known = probeCapabilities(address);
            capabilities.put(address, known);
        }
        if (!known.contains(capability)) {
            throw new DeviceOperationNotSupportedException(address, capability);
        }
    }

    /** A 404 from an optional endpoint: the firmware build lacks it. */
    private static HttpAnswer optional(DeviceAddress address, Capability capability, HttpAnswer answer)
            throws DeviceOperationNotSupportedException {
        if (answer.status() == 404) {
            throw new DeviceOperationNotSupportedException(address, capability);
        }
        return answer;
    }

    /** Which optional endpoints answer: 404 = absent; 405 on a wrong method or 400 on an empty body = present. */
    private Set<Capability> probeCapabilities(DeviceAddress address) throws UploadBridgeException {
        probed.add(address);
        Set<Capability> found = EnumSet.of(Capability.STATUS, Capability.UPLOAD);
        if (exists(http.get(address, "/api/library/list", timeouts.timeout(address, DeviceOperation.LIBRARY, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES))) {
            found.add(Capability.PATTERN_LIBRARY);
        }
        if (exists(http.get(address, "/api/ota/status", timeouts.timeout(address, DeviceOperation.STATUS, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES))) {
            found.add(Capability.FIRMWARE_UPDATE);
        }
        if (exists(http.get(address, "/api/brightness", timeouts.timeout(address, DeviceOperation.STATUS, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES))) {
            found.add(Capability.BRIGHTNESS);
        }
        if (exists(http.get(address, "/api/schedule", timeouts.timeout(address, DeviceOperation.STATUS, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES))) {
            found.add(Capability.SCHEDULE);
        }
        if (exists(http.get(address, "/api/restart", timeouts.timeout(address, DeviceOperation.STATUS, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES))) {
            found.add(Capability.RESTART);
        }
        return found;
    }

    private static boolean exists(HttpAnswer answer) {
        return answer.status() != 404;
    }

    private DeviceStatus toStatus(DeviceAddress address, ClassicJson.Status s) {
        LoadedPatternInfo pattern = Boolean.TRUE.equals(s.patternLoaded)
                ? new LoadedPatternInfo(true, orZero(s.numLeds), orZero(s.numFrames), s.patternSize == null ? 0 : s.patternSize)
                : LoadedPatternInfo.none();
        String network = String.join(" ", nonNull(s.wifiMode), nonNull(s.ssid), nonNull(s.ip)).trim();
        return new DeviceStatus(address, FIRMWARE_ID, s.name == null || s.name.isBlank() ? address.host() : s.name,
                Optional.ofNullable(s.version), Optional.ofNullable(s.mac).map(String::toLowerCase),
                s.maxLeds == null ? OptionalInt.empty() : OptionalInt.of(s.maxLeds),
                s.freeHeap == null ? OptionalLong.empty() : OptionalLong.of(s.freeHeap), pattern, network,
                capabilities.getOrDefault(address, EnumSet.of(Capability.STATUS, Capability.UPLOAD)));
    }

    private static String named(String name) {
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        return body.toString();
    }

    private static long size(DeviceAddress address, Path file) throws UploadBridgeException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UploadBridgeException(DeviceError.REJECTED, e, address, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
