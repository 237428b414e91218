package org.uploadbridge.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;

/** A simulator in one process knows the devices another process of the same workspace simulates, while that process lives. */
class RunningFleetsTest {

    @TempDir
    Path workspaceFolder;

    @Test
    void aFleetOfAnotherLiveProcessIsKnownAndOneOfAGoneProcessIsForgotten() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(workspaceFolder.resolve("fleet-" + other.pid() + "-1.txt"), "127.49.0.1:18700\n127.49.0.2:18700\n");
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Path stale = Files.writeString(workspaceFolder.resolve("fleet-" + gone.pid() + "-1.txt"), "127.49.0.9:18700\n");

            Set<String> known = new RunningFleets(Optional.of(workspaceFolder)).otherProcesses();
            assertEquals(Set.of("127.49.0.1:18700", "127.49.0.2:18700"), known);
            assertFalse(Files.exists(stale), "the list of a process that is gone is removed");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void thisProcessListsItsFleetsWhileTheyRunAndTheSimulatorKnowsThem() {
        LoopbackDeviceSimulator simulator = new LoopbackDeviceSimulator(new RunningFleets(Optional.of(workspaceFolder)));
        InetSocketAddress device = new InetSocketAddress("127.49.1.1", 18_701);
        try (SimulatedFleetCloser fleet = new SimulatedFleetCloser(simulator.start(FleetSpec.of(1, DeviceProfile.esp8266())
                .withFirstAddress("127.49.1.1").withPort(18_701)))) {
            assertTrue(simulator.simulates(device));
            assertTrue(fileCount() == 1, "its list is on disk for other processes");
        }
        assertFalse(simulator.simulates(device));
        assertEquals(0, fileCount(), "and gone once it closed");
    }

    private long fileCount() {
        try (var files = Files.list(workspaceFolder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("fleet-")).count();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private record SimulatedFleetCloser(SimulatedFleet fleet) implements AutoCloseable {
        @Override
        public void close() {
            fleet.close();
        }
    }
}
