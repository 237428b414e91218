package org.example.firmware.hello.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.firmware.tck.SdkImports;

/** The sample keeps to the SDK: a third-party firmware bundle needs nothing else of Upload Bridge. */
class HelloSdkImportsTest {

    @Test
    void theSampleBundleImportsOnlySdkPackages() {
        // the host bundle's own manifest, not this fragment's (a test may import what it likes)
        Bundle sample = FrameworkUtil.getBundle(HelloDriver.class);
        assertEquals("org.example.firmware.hello", sample.getSymbolicName());
        assertEquals(List.of(), SdkImports.outsideSdk(sample));
    }
}
