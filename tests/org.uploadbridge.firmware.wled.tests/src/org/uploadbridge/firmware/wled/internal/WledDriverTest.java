package org.uploadbridge.firmware.wled.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.LibraryEntry;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.ErrorCatalog;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.firmware.tck.SdkImports;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;
import org.uploadbridge.testing.FirmwareImages;
import org.uploadbridge.testing.OsgiServices;

/** What the WLED driver does beyond the conformance kit, against simulated WLED devices on loopback. */
class WledDriverTest {

    private final List<SimulatedFleet> fleets = new ArrayList<>();
    private final WledDriver driver = (WledDriver) OsgiServices.await(DeviceDriver.class, "(component.name=" + WledDriver.class.getName() + ")");

    @AfterEach
    void stopDevices() throws Exception {
        for (SimulatedFleet fleet : fleets) {
            fleet.devices().forEach(device -> driver.stopStream(addressOf(device)));
            fleet.close();
        }
    }

    @Test
    void theBundleImportsOnlyTheSdk() {
        assertEquals(List.of(), SdkImports.outsideSdk(FrameworkUtil.getBundle(WledDriver.class)));
    }

    @Test
    void statusReportsWhatEachReleaseTells() throws Exception {
        for (WledRelease release : WledRelease.values()) {
            // given
            WledDevice device = start(WledSettings.of(release).withLedCount(144));
            // when
            DeviceStatus status = driver.status(addressOf(device));
            // then
            assertEquals("wled", status.firmwareId());
            assertEquals(device.name(), status.name());
            assertEquals(Optional.of(release.hasReleaseName() ? release.version() + " (ESP32)" : release.version()),
                    status.firmwareVersion());
            assertEquals(Optional.of(device.mac().toLowerCase()), status.macAddress());
            assertEquals(144, status.maxLeds().orElseThrow());
            assertEquals(device.profile().freeHeapBytes(), status.freeHeapBytes().orElseThrow());
            assertTrue(status.network().startsWith("WiFi -52 dBm (96%), channel 6"), status.network());
            assertTrue(status.supports(Capability.LIVE_STREAM) && status.supports(Capability.IDENTIFY), status::toString);
            assertFalse(status.pattern().loaded(), "nothing streams to a fresh device");
        }
    }

    @Test
    void theLibraryStoresListsPlaysAndDeletesPatternFiles(@TempDir Path dir) throws Exception {
        // given
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        DeviceAddress address = addressOf(device);
        Path file = WledPatterns.write(dir.resolve("wave.bin"), 30, 4, 40);
        // when
        driver.libraryUpload(address, "wave", file, TransferProgress.NONE);
        List<LibraryEntry> listed = driver.libraryList(address);
        // then: stored byte for byte, listed beside (not with) WLED's own files
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), device.files().get("/wave.bin")), "stored byte for byte");
        assertEquals(List.of("wave"), listed.stream().map(LibraryEntry::name).toList());
        assertEquals(Files.size(file), listed.get(0).sizeBytes());
        // when: played from the device's own copy
        driver.librarySelect(address, "wave");
        // then
        WledPatterns.awaitFrames(device, 4);
        assertTrue(WledPatterns.showed(device, file), "the stored pattern's frames, in order");
        assertTrue(driver.libraryList(address).get(0).selected(), "the playing pattern is the selected one");
        // when
        driver.libraryDelete(address, "wave");
        // then
        assertFalse(device.files().containsKey("/wave.bin"));
        assertEquals(List.of(), driver.libraryList(address));
        UploadBridgeException missing = assertThrows(UploadBridgeException.class, () -> driver.libraryDelete(address, "wave"));
        assertEquals(DeviceError.REJECTED, missing.code());
        assertEquals(DeviceError.REJECTED_FILE_NAME, assertThrows(UploadBridgeException.class,
                () -> driver.libraryUpload(address, "../cfg", file, TransferProgress.NONE)).code());
    }

    @Test
    void aPinLockedDeviceSaysSoAndStillPlays(@TempDir Path dir) throws Exception {
        // given
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0).withPin("1234"));
        DeviceAddress address = addressOf(device);
        Path file = WledPatterns.write(dir.resolve("p.bin"), 30, 3, 30);
        Path image = Files.write(dir.resolve("wled.bin"), FirmwareImages.esp32("0.15.1", "ESP32"));
        // when / then
        for (UploadBridgeException e : List.of(
                assertThrows(UploadBridgeException.class, () -> driver.libraryUpload(address, "p", file, TransferProgress.NONE)),
                assertThrows(UploadBridgeException.class, () -> driver.libraryList(address)),
                assertThrows(UploadBridgeException.class, () -> driver.firmwareUpdate(address, image, TransferProgress.NONE)))) {
            assertEquals(DeviceError.LOCKED, e.code(), e::getMessage);
            assertTrue(ErrorCatalog.forCodeType(DeviceError.class).entry(e.code()).steps().get(0).contains("PIN"));
        }
        assertEquals(List.of(), List.copyOf(device.files().keySet().stream().filter(p -> p.endsWith(".bin")).toList()));
        driver.upload(address, file, TransferProgress.NONE);
        assertTrue(WledPatterns.showed(device, file), "streaming needs no PIN");
    }

    @Test
    void anImageOfAnotherBuildIsRefusedWithBothNames(@TempDir Path dir) throws Exception {
        // given
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        DeviceAddress address = addressOf(device);
        Path other = Files.write(dir.resolve("WLED_0.15.1_ESP8266.bin"), FirmwareImages.esp32("0.15.1", "ESP8266"));
        Path same = Files.write(dir.resolve("WLED_0.15.1_ESP32.bin"), FirmwareImages.esp32("0.15.1", "ESP32"));
        // when
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> driver.firmwareUpdate(address, other, TransferProgress.NONE));
        // then
        assertEquals(DeviceError.FIRMWARE_RELEASE_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("ESP32") && e.getMessage().contains("ESP8266"), e.getMessage());
        assertEquals("0.15.0 (ESP32)", driver.status(address).firmwareVersion().orElseThrow(), "nothing was flashed");
        // when: the right build
        driver.firmwareUpdate(address, same, TransferProgress.NONE);
        // then: it reboots into it
        assertEquals("0.15.1 (ESP32)", WledPatterns.awaitVersion(driver, address, "0.15.1 (ESP32)"));
    }

    @Test
    void brightnessPowerAndIdentifyLeaveTheStateAsSet() throws Exception {
        // given
        WledDevice device = start(WledSettings.of(WledRelease.V0_14_4));
        DeviceAddress address = addressOf(device);
        // when
        driver.setBrightness(address, 40);
        // then
        assertEquals(40, device.brightness());
        assertTrue(device.isOn());
        // when
        driver.setPower(address, false);
        long before = device.requestCount("/json/state");
        driver.identify(address);
        // then: blinked (on and off, three times) and put back: off, brightness kept
        assertTrue(device.requestCount("/json/state") - before >= 1 + 6 + 1, "read, six blinks, restore");
        assertFalse(device.isOn());
        assertEquals(40, device.brightness());
        driver.setPower(address, true);
        assertTrue(device.isOn());
    }

    @Test
    void restartRebootsTheDevice() throws Exception {
        // given
        WledDevice device = start(WledSettings.of(WledRelease.V0_15_0));
        // when
        driver.restart(addressOf(device));
        // then: it goes away and comes back
        WledPatterns.awaitVersion(driver, addressOf(device), "0.15.0 (ESP32)");
        assertTrue(device.isOnline());
    }

    private WledDevice start(WledSettings settings) {
        SimulatedFleet fleet = OsgiServices.await(DeviceSimulator.class).start(FleetSpec.of(1, DeviceProfile.wled(settings))
                .withFirstAddress(WledDriverConformanceTest.nextSubnet()).withPort(0));
        fleets.add(fleet);
        return (WledDevice) fleet.devices().get(0);
    }

    static DeviceAddress addressOf(org.uploadbridge.simulator.SimulatedDevice device) {
        return new DeviceAddress(device.address().getAddress().getHostAddress(), device.address().getPort());
    }
}
