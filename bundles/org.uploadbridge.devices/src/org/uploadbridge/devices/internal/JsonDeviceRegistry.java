package org.uploadbridge.devices.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.io.AtomicFiles;
import org.uploadbridge.core.io.WorkspaceFiles;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.RegisteredDevice;
import org.uploadbridge.validation.pattern.DeviceLimits;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * {@link DeviceRegistry} in a JSON file: {@code file} from the configuration, else
 * {@code .metadata/.plugins/org.uploadbridge.devices/devices.json} in the workspace (the OSGi
 * instance area), else the bundle's own data area. A file that cannot be read is moved aside, the
 * log says where, and the list starts empty: nothing is overwritten.
 */
@Component(service = DeviceRegistry.class, configurationPid = "org.uploadbridge.devices.registry")
public final class JsonDeviceRegistry implements DeviceRegistry {

    static final String FILE = "file";

    private final Path file;
    private final Logger log;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();
    private final Map<DeviceAddress, RegisteredDevice> devices = new LinkedHashMap<>();

    /** The file's shape: a list of plain entries, so the format stays readable and stable. */
    private record Stored(List<Entry> devices) {
    }

    /** Limits are null when not assumed. */
    private record Entry(String host, int port, String name, String firmware, Integer maxLeds, Long freeRamBytes,
            Integer powerBudgetMa) {

        static Entry of(RegisteredDevice d) {
            DeviceLimits limits = d.assumedLimits();
            return new Entry(d.address().host(), d.address().port(), d.name(), d.firmwareId(),
                    limits.maxLeds().isPresent() ? limits.maxLeds().getAsInt() : null,
                    limits.freeRamBytes().isPresent() ? limits.freeRamBytes().getAsLong() : null,
                    limits.powerBudgetMa().isPresent() ? limits.powerBudgetMa().getAsInt() : null);
        }

        RegisteredDevice toDevice() {
            DeviceLimits limits = new DeviceLimits(maxLeds == null ? OptionalInt.empty() : OptionalInt.of(maxLeds),
                    freeRamBytes == null ? OptionalLong.empty() : OptionalLong.of(freeRamBytes),
                    powerBudgetMa == null ? OptionalInt.empty() : OptionalInt.of(powerBudgetMa));
            return new RegisteredDevice(new DeviceAddress(host, port), name == null ? host : name,
                    firmware == null ? "" : firmware, limits);
        }
    }

    @Activate
    public JsonDeviceRegistry(BundleContext context, Map<String, Object> properties,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.file = location(context, properties, log);
        log.info("Device list: {}", file);
        load();
    }

    @Override
    public synchronized List<RegisteredDevice> devices() {
        return List.copyOf(devices.values());
    }

    @Override
    public synchronized void add(DeviceAddress address) throws UploadBridgeException {
        if (!devices.containsKey(address)) {
            devices.put(address, new RegisteredDevice(address, address.host(), ""));
            save();
        }
    }

    @Override
    public synchronized void remove(DeviceAddress address) throws UploadBridgeException {
        if (devices.remove(address) != null) {
            save();
        }
    }

    @Override
    public synchronized void assumeLimits(DeviceAddress address, DeviceLimits limits) throws UploadBridgeException {
        RegisteredDevice known = devices.getOrDefault(address, new RegisteredDevice(address, address.host(), ""));
        RegisteredDevice now = new RegisteredDevice(address, known.name(), known.firmwareId(), limits);
        if (!now.equals(devices.get(address))) {
            devices.put(address, now);
            save();
        }
    }

    @Override
    public synchronized void recordStatus(DeviceStatus status) throws UploadBridgeException {
        RegisteredDevice known = devices.get(status.address());
        RegisteredDevice now = known == null ? null
                : new RegisteredDevice(status.address(), status.name(), status.firmwareId(), known.assumedLimits());
        if (known != null && !known.equals(now)) {
            devices.put(status.address(), now);
            save(); // only when something lasting changed, not on every status poll
        }
    }

    @Override
    public Path storageFile() {
        return file;
    }

    private void load() {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException firstStart) {
            return;
        } catch (IOException e) {
            log.error("Cannot read the device list {}: {}; starting with an empty list", file, e.getMessage());
            return;
        }
        try {
            Stored stored = gson.fromJson(json, Stored.class);
            for (Entry e : stored == null || stored.devices() == null ? List.<Entry>of() : stored.devices()) {
                RegisteredDevice device = e.toDevice();
                devices.put(device.address(), device);
            }
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + Instant.now().toEpochMilli());
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                log.error("The device list {} is damaged ({}); it was moved to {} and the list starts empty", file,
                        e.getMessage(), aside);
            } catch (IOException moveFailed) {
                log.error("The device list {} is damaged ({}) and could not be moved aside: {}", file, e.getMessage(),
                        moveFailed.getMessage());
            }
            devices.clear();
        }
    }

    private void save() throws UploadBridgeException {
        List<Entry> entries = new ArrayList<>();
        devices.values().forEach(d -> entries.add(Entry.of(d)));
        byte[] bytes = gson.toJson(new Stored(entries)).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, channel -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            });
        } catch (IOException e) {
            throw new UploadBridgeException(PatternError.WRITE_FAILED, e, file, e.getMessage());
        }
    }

    private static Path location(BundleContext context, Map<String, Object> properties, Logger log) {
        Object configured = properties.get(FILE);
        if (configured != null) {
            return Path.of(configured.toString());
        }
        String instanceArea = context.getProperty(WorkspaceFiles.INSTANCE_AREA);
        Optional<Path> inWorkspace = WorkspaceFiles.pluginFile(instanceArea, "org.uploadbridge.devices", "devices.json");
        if (inWorkspace.isPresent()) {
            return inWorkspace.get();
        }
        if (instanceArea != null) {
            log.warn("The workspace location {} is not a local folder; the device list is kept in the installation", instanceArea);
        }
        return context.getDataFile("devices.json").toPath();
    }
}
