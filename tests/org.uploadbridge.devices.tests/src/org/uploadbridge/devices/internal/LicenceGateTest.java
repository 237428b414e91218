package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.TestLicences;

/** The licence's gates on device operations, with the running licence service and registry. */
class LicenceGateTest {

    private static final DeviceAddress DEVICE = new DeviceAddress("192.168.1.20", 80);
    private final LicenceService licence = OsgiServices.await(LicenceService.class);
    private final DeviceRegistry registry = OsgiServices.await(DeviceRegistry.class);
    private final DeviceDriver classic = OsgiServices.await(DeviceService.class).drivers().get(0);
    @TempDir
    Path folder;

    @AfterEach
    void restore() {
        TestLicences.removeAndDistrust();
    }

    @Test
    void theClassicFirmwareIsOursAndNeedsNoEntitlement() throws Exception {
        assertFalse(LicenceGate.isThirdParty(classic), "org.uploadbridge.firmware.classic");
        new LicenceGate(licence, registry, a -> false, LicenceGate::isThirdParty).requireFirmware(classic, DEVICE);
    }

    @Test
    void aThirdPartyFirmwareNeedsItsEntitlementUnlessTheDeviceIsSimulated() throws Exception {
        LicenceGate gate = new LicenceGate(licence, registry, a -> false, d -> true);
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> gate.requireFirmware(classic, DEVICE));
        assertEquals(LicenceError.NOT_ENTITLED, e.code());
        assertTrue(e.getMessage().contains("\"third_party_firmware\"; this installation runs the free edition"), e.getMessage());

        new LicenceGate(licence, registry, a -> true, d -> true).requireFirmware(classic, DEVICE); // simulated: free

        TestLicences.install(TestLicences.unlimited("studio"), folder);
        gate.requireFirmware(classic, DEVICE);
        gate.requireFleet(List.of(DEVICE, new DeviceAddress("192.168.1.21", 80)));
    }

    @Test
    void theFreeEditionCountsTheUsersDevicesInTheOrderAdded() throws Exception {
        List<DeviceAddress> mine = List.of(new DeviceAddress("192.168.7.1", 80), new DeviceAddress("192.168.7.2", 80),
                new DeviceAddress("192.168.7.3", 80), new DeviceAddress("192.168.7.4", 80));
        LicenceGate gate = new LicenceGate(licence, registry, a -> false, d -> false);
        try {
            for (DeviceAddress address : mine) {
                registry.add(address); // four devices in the list, e.g. from a licence that has since expired
            }
            gate.requireDevice(mine.get(0));
            gate.requireDevice(mine.get(2));
            assertEquals(LicenceError.DEVICE_LIMIT, assertThrows(UploadBridgeException.class, () -> gate.requireDevice(mine.get(3))).code(),
                    "the fourth in the list is one too many");
            assertEquals(LicenceError.DEVICE_LIMIT,
                    assertThrows(UploadBridgeException.class, () -> gate.requireDevice(new DeviceAddress("192.168.7.9", 80))).code(),
                    "no room for a new one");
            new LicenceGate(licence, registry, a -> true, d -> false).requireDevice(new DeviceAddress("192.168.7.9", 80));
        } finally {
            for (DeviceAddress address : mine) {
                registry.remove(address);
            }
        }
    }
}
