package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.testing.ErrorCatalogContract;

/** The pattern-file catalogue keeps the contract of every error catalogue; its messages name the file. */
class PatternErrorCatalogTest extends ErrorCatalogContract {

    @Override
    protected List<? extends ErrorCode> codes() {
        return List.of(PatternError.values());
    }

    @Override
    protected Object[] sampleArguments() {
        return new Object[] {Path.of("/patterns/show.bin"), 1234L, 56L, 7, 8};
    }

    @Test
    void theTextsShipInsideTheCoreBundle() {
        assertNotNull(FrameworkUtil.getBundle(PatternLoader.class).getEntry("org/uploadbridge/core/format/errors.properties"),
                "errors.properties is missing from the core bundle jar");
    }
}
