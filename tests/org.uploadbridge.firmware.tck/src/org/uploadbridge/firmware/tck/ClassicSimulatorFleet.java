package org.uploadbridge.firmware.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * Devices of the classic simulator as conformance devices: the classic driver's own fleet, and the
 * "other firmware" every other driver must reject.
 */
public final class ClassicSimulatorFleet implements ConformanceFleet {

    private final SimulatedFleet fleet;

    private ClassicSimulatorFleet(SimulatedFleet fleet) {
        this.fleet = fleet;
    }

    /** Starts the devices {@code spec} describes on {@code simulator}. */
    public static ClassicSimulatorFleet start(DeviceSimulator simulator, FleetSpec spec) {
        return new ClassicSimulatorFleet(simulator.start(spec));
    }

    /** The simulator's own view, for firmware-specific checks beyond the kit. */
    public SimulatedFleet simulated() {
        return fleet;
    }

    @Override
    public List<ConformanceDevice> devices() {
        return fleet.devices().stream().<ConformanceDevice>map(Device::new).toList();
    }

    @Override
    public void close() {
        fleet.close();
    }

    private record Device(SimulatedDevice device) implements ConformanceDevice {

        @Override
        public DeviceAddress address() {
            return new DeviceAddress(device.address().getAddress().getHostAddress(), device.address().getPort());
        }

        @Override
        public long requestCount() {
            return device.requestCount();
        }

        @Override
        public boolean received(Path pattern) {
            List<AcceptedPattern> accepted = device.acceptedPatterns();
            return !accepted.isEmpty() && accepted.get(accepted.size() - 1).sha256().equals(sha256(pattern));
        }

        @Override
        public void failNext() {
            device.failNext(FaultKind.SERVICE_UNAVAILABLE, 1);
        }

        @Override
        public void stallNext(Duration stall) {
            // A stall takes its length from the fault profile, so set it before queueing one.
            device.injectFaults(device.faults().withStallTime(stall));
            device.failNext(FaultKind.STALL, 1);
        }

        @Override
        public void stop() {
            device.stop();
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
