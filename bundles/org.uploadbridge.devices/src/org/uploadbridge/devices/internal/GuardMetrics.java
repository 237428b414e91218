package org.uploadbridge.devices.internal;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceMetrics;
import org.uploadbridge.resilience.BreakerState;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.resilience.GuardListener;

/** Counts the guard's retries and breaker changes in the metrics: the two bundles stay unaware of each other. */
@Component(service = GuardListener.class)
public final class GuardMetrics implements GuardListener {

    private final DeviceMetrics metrics;

    @Activate
    public GuardMetrics(@Reference DeviceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void retried(DeviceAddress device, DeviceOperation operation, int attempt, Throwable failure) {
        metrics.retried(device, operation.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void breakerChanged(DeviceAddress device, BreakerState from, BreakerState to) {
        metrics.breakerChanged(device, from.name(), to.name());
    }
}
