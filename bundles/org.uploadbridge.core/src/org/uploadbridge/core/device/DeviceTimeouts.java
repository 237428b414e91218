package org.uploadbridge.core.device;

import java.time.Duration;

/**
 * How long a driver lets each device call take (a DS service that drivers reference). The
 * product's implementation adapts the {@link TimeoutRule}s to each device's measured latency and
 * throughput, and lengthens a timeout after one ran out; {@link #rules()} never does.
 */
@FunctionalInterface
public interface DeviceTimeouts {

    /** The timeout for {@code operation} to {@code device}, sending {@code payloadBytes} (0 when nothing is sent). */
    Duration timeout(DeviceAddress device, DeviceOperation operation, long payloadBytes);

    /** The fixed {@link TimeoutRule#defaultFor default rules}, for tests and tools without the adaptive service. */
    static DeviceTimeouts rules() {
        return (device, operation, payloadBytes) -> TimeoutRule.defaultFor(operation).forBytes(payloadBytes);
    }
}
