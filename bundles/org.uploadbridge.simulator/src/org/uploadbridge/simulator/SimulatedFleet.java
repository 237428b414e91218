package org.uploadbridge.simulator;

import java.util.List;

/** Running simulated devices; {@link #close()} stops them all and frees their addresses. */
public interface SimulatedFleet extends AutoCloseable {

    FleetSpec spec();

    /** The devices in address order. */
    List<SimulatedDevice> devices();

    /** The device at {@code index} (0-based) in address order. */
    default SimulatedDevice device(int index) {
        return devices().get(index);
    }

    /** Gives every device {@code profile}; each still draws its own sequence (seed and its index). */
    default void injectFaults(FaultProfile profile) {
        devices().forEach(device -> device.injectFaults(profile));
    }

    /** Stops every device and the server behind them; idempotent. */
    @Override
    void close();
}
