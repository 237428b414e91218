package org.uploadbridge.firmware.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DdpFrame;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FaultKind;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.simulator.WledDevice;

/**
 * Devices of the simulator as conformance devices: a driver's own fleet (classic or WLED), and the
 * "other firmware" every other driver must reject. A classic device holds a pattern when its last
 * accepted upload has the file's bytes; a WLED device when the DDP frames it showed began with the
 * pattern's frames, in order.
 */
public final class SimulatorFleet implements ConformanceFleet {

    private final SimulatedFleet fleet;

    private SimulatorFleet(SimulatedFleet fleet) {
        this.fleet = fleet;
    }

    /** Starts the devices {@code spec} describes on {@code simulator}. */
    public static SimulatorFleet start(DeviceSimulator simulator, FleetSpec spec) {
        return new SimulatorFleet(simulator.start(spec));
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
            if (device instanceof WledDevice wled) {
                return showed(wled, pattern);
            }
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

    /** Whether the device's first recorded frames are the pattern's frames, in order (LEDs past the pattern's aside). */
    public static boolean showed(WledDevice device, Path file) {
        Pattern pattern;
        try {
            pattern = NativePatternCodec.decode(file);
        } catch (UploadBridgeException e) {
            throw new IllegalArgumentException("not a pattern: " + file, e);
        }
        List<DdpFrame> frames = device.frames();
        if (frames.size() < pattern.frameCount()) {
            return false;
        }
        byte[] expected = new byte[pattern.ledCount() * 3];
        for (int frame = 0; frame < pattern.frameCount(); frame++) {
            pattern.copyFrame(frame, expected, 0);
            if (!Arrays.equals(expected, Arrays.copyOf(frames.get(frame).rgb(), expected.length))) {
                return false;
            }
        }
        return true;
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
