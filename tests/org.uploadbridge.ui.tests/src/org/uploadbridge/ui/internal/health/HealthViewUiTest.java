package org.uploadbridge.ui.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceMetrics;
import org.uploadbridge.resilience.BreakerState;
import org.uploadbridge.testing.OsgiServices;

/** The Health view shows what the metrics recorded for each device, with its guard's state, and the fleet's score over time. */
class HealthViewUiTest {

    @Test
    void showsEachDevicesMeasuredHealthAndTheFleetHistory() throws Exception {
        DeviceMetrics metrics = OsgiServices.await(DeviceMetrics.class);
        DeviceAddress device = new DeviceAddress("127.49.20.1", 18_720);
        for (int i = 0; i < 7; i++) {
            metrics.uploadFinished(device, Duration.ofMillis(200), 10_000, Optional.empty());
        }
        for (int i = 0; i < 3; i++) {
            metrics.uploadFinished(device, Duration.ofMillis(200), 10_000, Optional.of("UB-D002"));
        }
        HealthView view = (HealthView) page().showView(HealthView.ID);
        int samplesBefore = view.history().size();
        view.refresh();

        HealthRow row = view.rows().stream().filter(r -> r.device().equals(device)).findFirst().orElseThrow();
        assertEquals(10, row.health().uploads());
        assertEquals(0.7, row.health().uploadSuccessRate(), 0.01, "7 of 10 uploads succeeded");
        assertEquals(metrics.health(device).score(), row.health().score());
        assertTrue(row.health().score() < 100, "failures lower the score");
        assertEquals(BreakerState.CLOSED, row.guard().breaker());
        assertEquals(samplesBefore + 1, view.history().size(), "each refresh adds a point to the fleet's history");
    }
}
