package org.uploadbridge.resilience.internal;

import java.util.List;

import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.resilience.ResilienceError;
import org.uploadbridge.testing.ErrorCatalogContract;

/** The resilience catalogue keeps the contract of every error catalogue. */
class ResilienceCatalogTest extends ErrorCatalogContract {

    @Override
    protected List<? extends ErrorCode> codes() {
        return List.of(ResilienceError.values());
    }
}
