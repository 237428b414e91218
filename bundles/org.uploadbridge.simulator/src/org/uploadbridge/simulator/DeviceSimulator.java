package org.uploadbridge.simulator;

import java.net.InetSocketAddress;

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

    /**
     * Answers mDNS for {@code fleet}'s devices on the loopback interface, and announces each online
     * device once before returning (again a second later). Device names must be valid host labels
     * (letters, digits, inner hyphens, at most 63): they become {@code <name>.local}.
     *
     * @throws IllegalStateException when the loopback interface cannot carry multicast (see
     *     {@link MdnsAdvertisement#loopbackMulticastAvailable()}); the message says how to enable it
     * @throws IllegalArgumentException when a device name is not a valid host label
     * @throws java.io.UncheckedIOException when the mDNS port 5353 cannot be bound
     */
    MdnsAdvertisement advertiseMdns(SimulatedFleet fleet);

    /**
     * Whether {@code address} is a device of a fleet this simulator runs now: the licence does
     * not count these (trying Upload Bridge on simulated devices needs no licence).
     */
    boolean simulates(InetSocketAddress address);
}
