package org.uploadbridge.firmware.wled.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.core.device.LibraryEntry;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.net.DeviceDatagrams;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.net.FilePart;
import org.uploadbridge.net.FormField;
import org.uploadbridge.net.HttpAnswer;

/**
 * The driver for WLED (device-protocols.md §3), written against the SDK alone. A pattern plays by
 * live streaming over DDP ({@link WledStreams}); the device's file system is its pattern library
 * ({@link WledLibrary}). Configuration PID {@code org.uploadbridge.firmware.wled}: {@code ddpPort}
 * (default 4048).
 */
@Component(service = DeviceDriver.class, configurationPid = "org.uploadbridge.firmware.wled")
public final class WledDriver implements DeviceDriver {

    static final String FIRMWARE_ID = "wled";
    static final int DDP_PORT = 4048;
    private static final String INFO = "/json/info";
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.STATUS, Capability.UPLOAD,
            Capability.LIVE_STREAM, Capability.PATTERN_LIBRARY, Capability.FIRMWARE_UPDATE, Capability.BRIGHTNESS,
            Capability.POWER, Capability.IDENTIFY, Capability.RESTART);
    /** Identify: three blinks of 300 ms on and off. */
    private static final int BLINKS = 3;
    private static final Duration BLINK = Duration.ofMillis(300);

    private final DeviceHttp http;
    private final DeviceTimeouts timeouts;
    private final WledStreams streams;
    private final WledLibrary library;

    @Activate
    public WledDriver(@Reference DeviceHttp http, @Reference DeviceDatagrams datagrams, @Reference DeviceTimeouts timeouts,
            Map<String, Object> properties) {
        this.http = http;
        this.timeouts = timeouts;
        this.streams = new WledStreams(datagrams, Integer.parseInt(String.valueOf(properties.getOrDefault("ddpPort", DDP_PORT))));
        this.library = new WledLibrary(http, timeouts, streams);
    }

    @Deactivate
    void stop() {
        streams.stopAll();
    }

    @Override
    public String firmwareId() {
        return FIRMWARE_ID;
    }

    @Override
    public String displayName() {
        return "WLED";
    }

    @Override
    public Optional<DeviceStatus> probe(DeviceAddress address) throws UploadBridgeException {
        Optional<HttpAnswer> answer = http.probeJson(address, INFO, timeouts.timeout(address, DeviceOperation.STATUS, 0));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        WledJson.Info info = http.parseJson(address, answer.get(), WledJson.Info.class);
        return info.looksWled() ? Optional.of(toStatus(address, info)) : Optional.empty();
    }

    @Override
    public DeviceStatus status(DeviceAddress address) throws UploadBridgeException {
        return toStatus(address, info(address));
    }

    @Override
    public UploadReceipt upload(DeviceAddress address, Path patternFile, TransferProgress progress) throws UploadBridgeException {
        Pattern pattern = NativePatternCodec.decode(patternFile);
        WledJson.Info info = info(address);
        requireFits(address, pattern, info);
        String sha256 = WledStreams.sha256(address, patternFile);
        UploadReceipt receipt = streams.play(address, pattern, size(address, patternFile), sha256, Optional.empty(), progress);
        requireLive(address);
        return receipt;
    }

    @Override
    public void stopStream(DeviceAddress address) {
        streams.stop(address);
    }

    @Override
    public List<LibraryEntry> libraryList(DeviceAddress address) throws UploadBridgeException {
        return library.list(address);
    }

    @Override
    public UploadReceipt libraryUpload(DeviceAddress address, String name, Path patternFile, TransferProgress progress)
            throws UploadBridgeException {
        return library.store(address, name, patternFile, progress);
    }

    @Override
    public void libraryDelete(DeviceAddress address, String name) throws UploadBridgeException {
        library.delete(address, name);
    }

    /** Plays a pattern stored on the device: read back from its file system, then streamed. */
    @Override
    public void librarySelect(DeviceAddress address, String name) throws UploadBridgeException {
        Pattern pattern = library.read(address, name);
        WledJson.Info info = info(address);
        requireFits(address, pattern, info);
        long size = Pattern.nativeSize(pattern.ledCount(), pattern.frameCount());
        streams.play(address, pattern, size, "", Optional.of(name), TransferProgress.NONE);
        requireLive(address);
    }

    @Override
    public void firmwareUpdate(DeviceAddress address, Path image, TransferProgress progress) throws UploadBridgeException {
        WledJson.Info info = info(address);
        long size = size(address, image);
        HttpAnswer answer = http.postMultipart(address, "/update", List.<FormField>of(),
                new FilePart("update", image.getFileName().toString(), "application/octet-stream", image), progress,
                timeouts.timeout(address, DeviceOperation.FIRMWARE, size), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
        WledAnswers.requireFlashed(address, answer, info.release());
    }

    @Override
    public void setBrightness(DeviceAddress address, int brightness) throws UploadBridgeException {
        if (brightness < 0 || brightness > 255) {
            throw new IllegalArgumentException("brightness is 0..255, not " + brightness);
        }
        // WLED treats bri 0 as "off, keep the brightness": the same as setPower(false).
        setState(address, brightness == 0 ? "{\"on\":false}" : "{\"on\":true,\"bri\":" + brightness + "}");
    }

    @Override
    public void setPower(DeviceAddress address, boolean on) throws UploadBridgeException {
        if (!on) {
            streams.stop(address); // off means off: a stream would light it again
        }
        setState(address, "{\"on\":" + on + "}");
    }

    @Override
    public void identify(DeviceAddress address) throws UploadBridgeException {
        HttpAnswer answer = WledAnswers.requireOk(address, http.get(address, "/json/state",
                timeouts.timeout(address, DeviceOperation.STATUS, 0), DeviceHttp.DEFAULT_MAX_ANSWER_BYTES), "status");
        WledJson.State before = http.parseJson(address, answer, WledJson.State.class);
        String restore = "{\"on\":" + Boolean.TRUE.equals(before.on()) + (before.bri() == null ? "" : ",\"bri\":" + before.bri()) + "}";
        try {
            for (int blink = 0; blink < BLINKS; blink++) {
                setState(address, "{\"on\":true,\"bri\":255}");
                pause(address);
                setState(address, "{\"on\":false}");
                pause(address);
            }
        } finally {
            setState(address, restore);
        }
    }

    @Override
    public void restart(DeviceAddress address) throws UploadBridgeException {
        streams.stop(address);
        setState(address, "{\"rb\":true}");
    }

    private void setState(DeviceAddress address, String json) throws UploadBridgeException {
        HttpAnswer answer = http.postJson(address, "/json/state", json, timeouts.timeout(address, DeviceOperation.CONTROL, 0),
                DeviceHttp.DEFAULT_MAX_ANSWER_BYTES);
        WledAnswers.requireOk(address, answer, "a state change");
        WledJson.Success result = http.parseJson(address, answer, WledJson.Success.class);
        if (!Boolean.TRUE.equals(result.success())) {
            throw new UploadBridgeException(DeviceError.REJECTED, address, "the state change " + json + " (error " + result.error() + ")");
        }
    }

    private WledJson.Info info(DeviceAddress address) throws UploadBridgeException {
        HttpAnswer answer = WledAnswers.requireOk(address, http.get(address, INFO, timeouts.timeout(address, DeviceOperation.STATUS, 0),
                DeviceHttp.DEFAULT_MAX_ANSWER_BYTES), "status");
        WledJson.Info info = http.parseJson(address, answer, WledJson.Info.class);
        if (!info.looksWled()) {
            throw new UploadBridgeException(DeviceError.NOT_RECOGNISED, address);
        }
        return info;
    }

    /** WLED ignores pixels past its configured LEDs: a longer pattern would play cut off, so it is refused. */
    private static void requireFits(DeviceAddress address, Pattern pattern, WledJson.Info info) throws UploadBridgeException {
        int configured = info.leds().count();
        if (pattern.ledCount() > configured) {
            throw new UploadBridgeException(DeviceError.REJECTED_LED_COUNT, address, "the pattern has " + pattern.ledCount()
                    + " LEDs and the device is configured for " + configured + " (WLED: Settings > LED Preferences)");
        }
    }

    /** The device says it shows realtime data; WLED with "receive UDP realtime" off ignores DDP. */
    private void requireLive(DeviceAddress address) throws UploadBridgeException {
        if (!info(address).isLive()) {
            streams.stop(address);
            throw new UploadBridgeException(DeviceError.VERIFY_MISMATCH, address,
                    "not live: it ignores the DDP stream (turn on Settings > Sync Interfaces > Receive UDP realtime)",
                    "a DDP stream to UDP port " + DDP_PORT);
        }
    }

    private DeviceStatus toStatus(DeviceAddress address, WledJson.Info info) {
        String name = info.name() == null || info.name().isBlank() ? address.host() : info.name();
        String version = info.release() == null ? info.ver() : info.ver() + " (" + info.release() + ")";
        return new DeviceStatus(address, FIRMWARE_ID, name, Optional.of(version), macOf(info.mac()),
                OptionalInt.of(info.leds().count()),
                info.freeheap() == null ? OptionalLong.empty() : OptionalLong.of(info.freeheap()), streams.loaded(address),
                network(info), CAPABILITIES);
    }

    /** "WiFi -52 dBm (96%), channel 6, 192.168.1.40". */
    private static String network(WledJson.Info info) {
        StringBuilder text = new StringBuilder();
        if (info.wifi() != null && info.wifi().rssi() != null) {
            text.append("WiFi ").append(info.wifi().rssi()).append(" dBm");
            if (info.wifi().signal() != null) {
                text.append(" (").append(info.wifi().signal()).append("%)");
            }
            if (info.wifi().channel() != null) {
                text.append(", channel ").append(info.wifi().channel());
            }
        }
        if (info.ip() != null && !info.ip().isBlank()) {
            text.append(text.isEmpty() ? "" : ", ").append(info.ip());
        }
        return text.toString();
    }

    /** WLED reports the MAC as 12 hex digits without separators. */
    static Optional<String> macOf(String mac) {
        if (mac == null || !mac.matches("[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        String lower = mac.toLowerCase(java.util.Locale.ROOT);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            text.append(i == 0 ? "" : ":").append(lower, i, i + 2);
        }
        return Optional.of(text.toString());
    }

    private static void pause(DeviceAddress address) throws UploadBridgeException {
        try {
            Thread.sleep(BLINK);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadBridgeException(DeviceError.CANCELLED, e, address, "identify");
        }
    }

    static long size(DeviceAddress address, Path file) throws UploadBridgeException {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new UploadBridgeException(DeviceError.PATTERN_UNREADABLE, e, address, file, e.getMessage());
        }
    }
}
