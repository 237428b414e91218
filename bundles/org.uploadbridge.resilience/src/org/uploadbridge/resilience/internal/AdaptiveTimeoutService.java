package org.uploadbridge.resilience.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.resilience.GuardListener;
import org.uploadbridge.resilience.TimeoutSettings;

/**
 * The drivers' {@link DeviceTimeouts}, learning from every attempt the device guard makes (it
 * listens to the guard). Settings: {@link TimeoutSettings}; a new configuration keeps what was learnt.
 */
@Component(service = { DeviceTimeouts.class, GuardListener.class }, configurationPid = TimeoutSettings.PID)
public final class AdaptiveTimeoutService implements DeviceTimeouts, GuardListener {

    private final AdaptiveTimeouts timeouts = new AdaptiveTimeouts();
    private volatile TimeoutSettings settings;

    @Activate
    public AdaptiveTimeoutService(Map<String, Object> properties) {
        this(TimeoutSettings.from(properties));
    }

    /** For tests made without SCR. */
    public AdaptiveTimeoutService(TimeoutSettings settings) {
        this.settings = settings;
    }

    @Modified
    void configure(Map<String, Object> properties) {
        settings = TimeoutSettings.from(properties);
    }

    /** The settings in force. */
    public TimeoutSettings settings() {
        return settings;
    }

    @Override
    public Duration timeout(DeviceAddress device, DeviceOperation operation, long payloadBytes) {
        return timeouts.timeout(settings, device, operation, payloadBytes);
    }

    @Override
    public void attempted(DeviceAddress device, DeviceOperation operation, long payloadBytes, Duration took,
            Optional<Throwable> failure) {
        boolean timedOut = failure.filter(f -> f instanceof UploadBridgeException e && e.code() == DeviceError.TIMED_OUT)
                .isPresent();
        timeouts.observe(device, operation, payloadBytes, took, timedOut, failure.isEmpty());
    }
}
