package org.uploadbridge.devices.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.FirmwareBundles;
import org.uploadbridge.devices.RegisteredDevice;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceState;

/**
 * What the licence in force allows, checked before anything is sent (docs/licensing.md).
 * Devices of this installation's own simulator are not counted. With a device limit, the devices
 * that count are the user's devices (the registry, in the order added): a successful upload to a
 * new device adds it to them while there is room, so the limit holds for the CLI and scripts too.
 */
final class LicenceGate {


    private final LicenceService licence;
    private final DeviceRegistry registry;
    private final Predicate<DeviceAddress> simulated;
    private final Predicate<DeviceDriver> thirdParty;

    LicenceGate(LicenceService licence, DeviceRegistry registry, Predicate<DeviceAddress> simulated,
            Predicate<DeviceDriver> thirdParty) {
        this.licence = licence;
        this.registry = registry;
        this.simulated = simulated;
        this.thirdParty = thirdParty;
    }

    /**
     * Whether {@code driver} comes from a bundle of another vendor: one whose symbolic name is
     * outside {@code org.uploadbridge.} ({@link FirmwareBundles#isThirdParty}). A client-side check, like every licence check.
     */
    static boolean isThirdParty(DeviceDriver driver) {
        return FirmwareBundles.isThirdParty(driver);
    }

    /** Fails unless the licence allows sending to a device of {@code driver}'s firmware (third-party firmware needs its entitlement). */
    void requireFirmware(DeviceDriver driver, DeviceAddress address) throws UploadBridgeException {
        if (!simulated.test(address) && thirdParty.test(driver)) {
            licence.require(Entitlement.THIRD_PARTY_FIRMWARE, "Sending to " + address + " (" + driver.displayName() + ", a third-party firmware)");
        }
    }

    /** Simulated devices, for {@link #LicenceGate}: those of {@code simulator}'s running fleets. */
    static boolean simulatedBy(org.uploadbridge.simulator.DeviceSimulator simulator, DeviceAddress address) {
        return simulator.simulates(new InetSocketAddress(address.host(), address.port()));
    }

    /** Fails unless the licence allows uploading to all of {@code addresses} at once. */
    void requireFleet(List<DeviceAddress> addresses) throws UploadBridgeException {
        long counted = addresses.stream().filter(simulated.negate()).count();
        if (counted > 1) {
            licence.require(Entitlement.FLEET, "Uploading to " + counted + " devices at once");
        }
    }

    /** Fails unless the licence includes firmware updates (for a device that counts). */
    void requireFirmwareUpdate(DeviceAddress address) throws UploadBridgeException {
        if (!simulated.test(address)) {
            licence.require(Entitlement.FIRMWARE_UPDATE, "Updating the firmware of " + address);
        }
    }

    /** Fails unless the licence allows working with {@code address}. */
    void requireDevice(DeviceAddress address) throws UploadBridgeException {
        if (simulated.test(address)) {
            return;
        }
        LicenceState state = licence.state();
        OptionalInt limit = state.entitlements().maxDevices();
        if (limit.isEmpty()) {
            return;
        }
        List<DeviceAddress> counted = registry.devices().stream().map(RegisteredDevice::address).filter(simulated.negate()).toList();
        int position = counted.indexOf(address);
        boolean allowed = position >= 0 ? position < limit.getAsInt() : counted.size() < limit.getAsInt();
        if (!allowed) {
            throw new UploadBridgeException(LicenceError.DEVICE_LIMIT, state.edition(), limit.getAsInt(), address);
        }
    }

    /** After a successful upload: with a device limit, a new device joins the user's devices, so it counts. */
    void uploaded(DeviceAddress address) throws UploadBridgeException {
        if (!simulated.test(address) && licence.state().entitlements().maxDevices().isPresent()) {
            registry.add(address); // keeps a device that is already there as it is
        }
    }
}
