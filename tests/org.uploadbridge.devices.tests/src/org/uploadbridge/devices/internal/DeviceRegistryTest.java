package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.LoadedPatternInfo;
import org.uploadbridge.devices.RegisteredDevice;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.testing.OsgiServices;

/**
 * The device list survives a restart, is written atomically with its previous version kept, and a
 * damaged file is set aside, not lost, and replaced by the previous version.
 */
class DeviceRegistryTest {

    private static JsonDeviceRegistry registry(Path file) {
        return registry(Map.of(JsonDeviceRegistry.FILE, file.toString()));
    }

    private static JsonDeviceRegistry registry(Map<String, Object> configuration) {
        return new JsonDeviceRegistry(FrameworkUtil.getBundle(JsonDeviceRegistry.class).getBundleContext(), configuration,
                OsgiServices.await(AddressPolicy.class), OsgiServices.await(LoggerFactory.class).getLogger(DeviceRegistryTest.class));
    }

    @Test
    void presetDevicesFillTheFirstListOnlyAndARemovedOneStaysRemoved(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devices.json");
        Map<String, Object> configuration = Map.of(JsonDeviceRegistry.FILE, file.toString(), JsonDeviceRegistry.PRESETS,
                new String[] { "10.20.0.11 Stage left", "10.20.0.12:8080 Truss 2", "8.8.8.8 a public address", "10.20.0.13:99999 bad port" });
        DeviceAddress stageLeft = new DeviceAddress("10.20.0.11", 80);
        DeviceAddress truss = new DeviceAddress("10.20.0.12", 8080);

        assertEquals(List.of(new RegisteredDevice(stageLeft, "Stage left", ""), new RegisteredDevice(truss, "Truss 2", "")),
                registry(configuration).devices(), "in the configured order; the public and the malformed entry are left out");
        assertTrue(Files.exists(file), "the presets are saved as the first list");

        registry(configuration).remove(stageLeft);
        assertEquals(List.of(truss), registry(configuration).devices().stream().map(RegisteredDevice::address).toList(),
                "a preset the user removed does not come back at the next start");

        Path empty = dir.resolve("emptied.json");
        Map<String, Object> emptied = Map.of(JsonDeviceRegistry.FILE, empty.toString(), JsonDeviceRegistry.PRESETS, "10.20.0.11");
        registry(emptied).remove(stageLeft);
        assertEquals(List.of(), registry(emptied).devices(), "an emptied list stays empty");
    }

    private static DeviceStatus status(DeviceAddress address, String name) {
        return new DeviceStatus(address, "classic", name, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalLong.empty(), LoadedPatternInfo.none(), "AP", Set.of(Capability.STATUS));
    }

    @Test
    void devicesSurviveARestartInTheOrderAdded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deep/devices.json");
        JsonDeviceRegistry first = registry(file);
        DeviceAddress a = new DeviceAddress("192.168.4.1", 80);
        DeviceAddress b = new DeviceAddress("127.42.0.2", 8080);
        first.add(a);
        first.add(b);
        first.add(a);
        first.recordStatus(status(b, "kitchen"));
        first.recordStatus(status(new DeviceAddress("10.0.0.9", 80), "not registered"));

        List<RegisteredDevice> reloaded = registry(file).devices();
        assertEquals(List.of(new RegisteredDevice(a, "192.168.4.1", ""), new RegisteredDevice(b, "kitchen", "classic")), reloaded);

        JsonDeviceRegistry again = registry(file);
        again.remove(a);
        assertEquals(List.of(b), registry(file).devices().stream().map(RegisteredDevice::address).toList());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of("devices.json", "devices.json.bak"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the list and its previous version; no temporary files are left behind");
        }
    }

    @Test
    void aListTornByACrashFallsBackToThePreviousVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devices.json");
        DeviceAddress a = new DeviceAddress("192.168.4.1", 80);
        JsonDeviceRegistry registry = registry(file);
        registry.add(a);
        registry.add(new DeviceAddress("192.168.4.2", 80));
        String complete = Files.readString(file);
        String torn = complete.substring(0, complete.length() / 2); // a power cut before the data reached the disk
        Files.writeString(file, torn);

        assertEquals(List.of(new RegisteredDevice(a, "192.168.4.1", "")), registry(file).devices(),
                "the list as it was before the last change");
        assertTrue(Files.readString(file).contains("192.168.4.1"), "the previous version is the file again");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> aside = files.filter(f -> f.getFileName().toString().startsWith("devices.json.unreadable-")).toList();
            assertEquals(1, aside.size(), "the torn file is kept for the user");
            assertEquals(torn, Files.readString(aside.get(0)));
        }
    }

    @Test
    void aDamagedListIsMovedAsideAndNotOverwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devices.json");
        Files.writeString(file, "{\"devices\": [ {\"host\": \"192.168.4.1\", \"port\": 80");
        JsonDeviceRegistry registry = registry(file);
        assertTrue(registry.devices().isEmpty());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> aside = files.filter(f -> f.getFileName().toString().startsWith("devices.json.unreadable-")).toList();
            assertEquals(1, aside.size(), "the damaged file is kept for the user");
            assertTrue(Files.readString(aside.get(0)).contains("192.168.4.1"));
        }
        registry.add(new DeviceAddress("192.168.4.2", 80));
        assertEquals(1, registry(file).devices().size());
    }

    @Test
    void assumedLimitsSurviveARestartAndStatusUpdatesKeepThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devices.json");
        DeviceAddress a = new DeviceAddress("192.168.4.7", 80);
        DeviceLimits custom = DeviceLimits.esp8266().withPowerBudgetMa(2_000);
        registry(file).assumeLimits(a, custom);
        registry(file).recordStatus(status(a, "porch"));

        RegisteredDevice reloaded = registry(file).find(a).orElseThrow();
        assertEquals(new RegisteredDevice(a, "porch", "classic", custom), reloaded);

        registry(file).assumeLimits(a, DeviceLimits.none());
        assertEquals(DeviceLimits.none(), registry(file).find(a).orElseThrow().assumedLimits());
        assertTrue(Files.readString(file).contains("\"host\": \"192.168.4.7\""), "the file stays readable JSON");
    }
}
