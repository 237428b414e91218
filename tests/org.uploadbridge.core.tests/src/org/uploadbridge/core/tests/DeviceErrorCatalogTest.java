package org.uploadbridge.core.tests;

import java.util.List;

import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.testing.ErrorCatalogContract;

/** The device catalogue keeps the contract of every error catalogue; its messages name the device. */
class DeviceErrorCatalogTest extends ErrorCatalogContract {

    @Override
    protected List<? extends ErrorCode> codes() {
        return List.of(DeviceError.values());
    }
}
