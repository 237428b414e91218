package org.uploadbridge.ui.internal.health;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.resilience.GuardState;

/** One device in the Health view: what the metrics and the guard say of it now. */
record HealthRow(DeviceAddress device, DeviceHealth health, GuardState guard) {
}
