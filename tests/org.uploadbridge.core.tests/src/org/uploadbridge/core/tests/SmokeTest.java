package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.uploadbridge.core.internal.format.Probe;

class SmokeTest {
    @Test
    void runsInsideOsgi() throws Exception {
        var ctx = FrameworkUtil.getBundle(Probe.class).getBundleContext();
        var t = new ServiceTracker<Probe, Probe>(ctx, Probe.class, null);
        t.open();
        assertNotNull(t.waitForService(5000));
    }
}
