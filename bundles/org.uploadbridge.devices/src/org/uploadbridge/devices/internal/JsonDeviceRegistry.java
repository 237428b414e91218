package org.uploadbridge.devices.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.uploadbridge.core.io.CrashSafeFile;
import org.uploadbridge.core.io.InvalidContentException;
import org.uploadbridge.core.io.LoadResult;
import org.uploadbridge.core.io.WorkspaceFiles;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.RegisteredDevice;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.ParsedAddress;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.pattern.DeviceLimits;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * {@link DeviceRegistry} in a JSON file: {@code file} from the configuration, else
 * {@code .metadata/.plugins/org.uploadbridge.devices/devices.json} in the workspace (the OSGi
 * instance area), else the bundle's own data area; kept in a {@link CrashSafeFile}, so a damaged file
 * is set aside (the log says where) and the previous version restored: nothing is overwritten.
 * <p>
 * A distribution presets devices with the configuration's {@value #PRESETS} ({@code "host[:port] name"}
 * each, in order): they fill the list the first time it is made, so a device the user removes stays removed.
 */
@Component(service = DeviceRegistry.class, configurationPid = "org.uploadbridge.devices.registry")
public final class JsonDeviceRegistry implements DeviceRegistry {

    static final String FILE = "file";
    static final String PRESETS = "presets";

    private final Path file;
    private final CrashSafeFile store;
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
    public JsonDeviceRegistry(BundleContext context, Map<String, Object> properties, @Reference AddressPolicy policy,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.file = location(context, properties, log);
        this.store = new CrashSafeFile(file);
        log.info("Device list: {}", file);
        if (Files.exists(file) || Files.exists(store.backup())) {
            load();
        } else {
            preset(policy, properties.get(PRESETS));
        }
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
        LoadResult<List<RegisteredDevice>> loaded;
        try {
            loaded = store.read(this::parse);
        } catch (IOException e) {
            log.error("Cannot read the device list {}: {}; starting with an empty list", file, e.getMessage());
            return;
        }
        if (loaded.recovered()) {
            log.error("The device list {}: {}", file, loaded.report());
        } else if (!loaded.report().isEmpty()) {
            log.info("The device list {}: {}", file, loaded.report());
        }
        loaded.value().orElse(List.of()).forEach(device -> devices.put(device.address(), device));
    }

    /** The distribution's preset devices, saved as the first list; a bad entry is logged and left out. */
    private void preset(AddressPolicy policy, Object presets) {
        List<String> entries = presets instanceof String[] many ? List.of(many)
                : presets instanceof java.util.Collection<?> some ? some.stream().map(String::valueOf).toList()
                : presets == null ? List.of() : List.of(presets.toString());
        for (String entry : entries) {
            String[] parts = entry.trim().split("\\s+", 2);
            try {
                ParsedAddress parsed = policy.require(parts[0], PolicyMode.LAN_ONLY);
                DeviceAddress address = new DeviceAddress(parsed.host(), parsed.portOr(DeviceAddress.DEFAULT_PORT));
                devices.putIfAbsent(address, new RegisteredDevice(address, parts.length > 1 ? parts[1] : address.host(), ""));
            } catch (UploadBridgeException e) {
                log.error("Preset device \"{}\" left out ({} {} of the configuration): {}", entry, PRESETS, entries, e.getMessage());
            }
        }
        if (!devices.isEmpty()) {
            try {
                save();
                log.info("Device list started with {} preset devices", devices.size());
            } catch (UploadBridgeException e) {
                log.error("The preset devices could not be saved to {}: {}", file, e.getMessage());
            }
        }
    }

    private List<RegisteredDevice> parse(byte[] content) throws InvalidContentException {
        try {
            Stored stored = gson.fromJson(new String(content, StandardCharsets.UTF_8), Stored.class);
            if (stored == null) {
                throw new InvalidContentException("the file is empty"); // what a write cut short by a power loss can leave
            }
            List<RegisteredDevice> loaded = new ArrayList<>();
            for (Entry e : stored.devices() == null ? List.<Entry>of() : stored.devices()) {
                loaded.add(e.toDevice());
            }
            return loaded;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidContentException(String.valueOf(e.getMessage()), e);
        }
    }

    private void save() throws UploadBridgeException {
        List<Entry> entries = new ArrayList<>();
        devices.values().forEach(d -> entries.add(Entry.of(d)));
        try {
            store.write(gson.toJson(new Stored(entries)).getBytes(StandardCharsets.UTF_8));
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
