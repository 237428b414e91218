package org.uploadbridge.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.metrics.DeviceMetrics;
import org.uploadbridge.testing.OsgiServices;

/** SCR publishes the metrics, kept in the workspace, with Micrometer's percentiles working inside OSGi. */
class MetricsServiceTest {

    @Test
    void theServiceKeepsItsFileInTheWorkspaceAndComputesPercentiles() throws Exception {
        DeviceMetrics metrics = OsgiServices.await(DeviceMetrics.class);
        MicrometerDeviceMetrics impl = assertInstanceOf(MicrometerDeviceMetrics.class, metrics);
        BundleContext context = OsgiServices.context();
        String instanceArea = context.getProperty("osgi.instance.area");
        if (instanceArea != null && instanceArea.startsWith("file:")) {
            assertEquals(Path.of(new URI(instanceArea.replace(" ", "%20")))
                    .resolve(".metadata/.plugins/org.uploadbridge.metrics/metrics.json"), impl.storageFile());
        }

        DeviceAddress device = new DeviceAddress("10.99.0.1", 80); // used by no other test
        for (int ms = 10; ms <= 100; ms += 10) {
            metrics.statusProbed(device, Duration.ofMillis(ms), true);
        }
        metrics.uploadFinished(device, Duration.ofSeconds(1), 2_048, Optional.empty());
        DeviceHealth h = metrics.health(device);
        assertEquals(100, h.score());
        assertTrue(h.statusP50().toMillis() >= 45 && h.statusP50().toMillis() <= 55, "p50 " + h.statusP50());
        assertTrue(metrics.devices().contains(device));

        // Percentiles come from HdrHistogram, which micrometer-core only imports dynamically.
        Bundle hdr = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.hdrhistogram.HdrHistogram")).findFirst().orElseThrow();
        assertTrue((hdr.getState() & (Bundle.RESOLVED | Bundle.ACTIVE | Bundle.STARTING)) != 0, "HdrHistogram resolved");
    }
}
