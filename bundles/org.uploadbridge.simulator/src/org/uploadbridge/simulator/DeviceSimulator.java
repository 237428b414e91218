package org.uploadbridge.simulator;

/**
 * Starts simulated "classic" Upload Bridge devices on loopback addresses, for tests, benchmarks and
 * demonstrations. Each device answers the classic firmware's HTTP protocol as the real sketch does,
 * plus the extended endpoints its {@link DeviceProfile} has.
 */
public interface DeviceSimulator {

    /**
     * Starts {@code spec.count()} devices, all listening when this returns.
     *
     * @throws IllegalArgumentException when an address is outside 127.0.0.0/8
     * @throws java.io.UncheckedIOException when an address and port cannot be bound (e.g. in use);
     *     nothing of the fleet is left running then
     */
    SimulatedFleet start(FleetSpec spec);
}
