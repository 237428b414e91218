package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.uploadbridge.core.io.AtomicFiles;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * The fleets simulators of this workspace run, in every process: one file per fleet,
 * {@code fleet-<pid>-<n>.txt}, listing its devices' {@code host:port}, removed when the fleet
 * closes (or, after a crash, once its process is gone). So {@code upload} in one terminal knows
 * the devices of {@code simulate} in another, as the licence's exemption for simulated devices needs.
 */
final class RunningFleets {

    private static final System.Logger LOG = System.getLogger(RunningFleets.class.getName());
    private static final String PREFIX = "fleet-";
    private static final String SUFFIX = ".txt";

    private final Optional<Path> directory;
    private final long pid = ProcessHandle.current().pid();

    /** {@code directory}: empty when there is no local workspace (then only this process's fleets are known). */
    RunningFleets(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Lists {@code fleet}'s devices for other processes; returns the file to remove when it closes. */
    Optional<Path> register(SimulatedFleet fleet, int number) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = directory.get().resolve(PREFIX + pid + "-" + number + SUFFIX);
        String lines = fleet.devices().stream().map(d -> key(d.address())).collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(directory.get());
            AtomicFiles.write(file, channel -> channel.write(java.nio.ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8))));
            return Optional.of(file);
        } catch (IOException e) {
            // The fleet runs; only other processes will not know it is simulated, so the licence counts its devices there.
            LOG.log(Level.WARNING, "Cannot list the simulated devices in " + file + ": " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    void unregister(Optional<Path> file) {
        file.ifPresent(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot remove " + f + " (a closed fleet's list); it goes once this process ends: " + e.getMessage(), e);
            }
        });
    }

    /** The devices other live processes simulate; lists of processes that are gone are removed. */
    Set<String> otherProcesses() {
        Set<String> devices = new HashSet<>();
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return devices;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.get(), PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                long owner = ownerOf(file.getFileName().toString());
                if (owner == pid) {
                    continue;
                }
                if (owner < 0 || ProcessHandle.of(owner).filter(ProcessHandle::isAlive).isEmpty()) {
                    Files.deleteIfExists(file); // left by a simulator that crashed
                    continue;
                }
                devices.addAll(lines(file));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read the simulated devices in " + directory.get() + ": " + e.getMessage(), e);
        }
        return devices;
    }

    static String key(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (NoSuchFileException closedMeanwhile) {
            return List.of();
        }
    }

    private static long ownerOf(String name) {
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.indexOf('-', PREFIX.length())));
        } catch (RuntimeException notOurs) {
            return -1;
        }
    }

    /** For the devices of {@code fleets} in this process. */
    static boolean contains(Set<? extends SimulatedFleet> fleets, InetSocketAddress address) {
        for (SimulatedFleet fleet : fleets) {
            for (SimulatedDevice device : fleet.devices()) {
                if (device.address().equals(address)) {
                    return true;
                }
            }
        }
        return false;
    }
}
