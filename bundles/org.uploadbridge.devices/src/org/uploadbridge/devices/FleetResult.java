package org.uploadbridge.devices;

import java.util.Optional;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;

/** The result of a fleet upload for one device: its outcome, or the catalogued reason it failed. */
public record FleetResult(DeviceAddress address, Optional<UploadOutcome> outcome, Optional<UploadBridgeException> failure) {

    public static FleetResult succeeded(UploadOutcome outcome) {
        return new FleetResult(outcome.address(), Optional.of(outcome), Optional.empty());
    }

    public static FleetResult failed(DeviceAddress address, UploadBridgeException failure) {
        return new FleetResult(address, Optional.empty(), Optional.of(failure));
    }

    public boolean isSuccess() {
        return outcome.isPresent();
    }
}
