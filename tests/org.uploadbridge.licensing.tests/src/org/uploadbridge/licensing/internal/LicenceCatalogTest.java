package org.uploadbridge.licensing.internal;

import java.util.List;

import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.testing.ErrorCatalogContract;

/** The licensing catalogue keeps the contract of every error catalogue. */
class LicenceCatalogTest extends ErrorCatalogContract {

    @Override
    protected List<? extends ErrorCode> codes() {
        return List.of(LicenceError.values());
    }
}
