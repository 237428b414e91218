package org.uploadbridge.simulator.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * A fleet in a process of its own, on a plain class path (no OSGi), so that a benchmark measures
 * its client's heap and CPU without the simulator's. Arguments are {@code key=value}:
 * {@code count first port profile bandwidth freeHeap maxLeds}, {@code warmup} (requests the fleet
 * answers before it is ready, see {@link FleetWarmUp}) and {@code lifetime} (seconds; the process
 * ends after it in any case, so a forgotten child cannot linger).
 *
 * <p>One command per line on stdin, one answer line on stdout:
 * <ul>
 * <li>{@code last INDEX} → {@code last SIZE SHA256}, or {@code last none}: the device's last accepted pattern
 * <li>{@code holding SHA256} → {@code holding N}: how many devices last accepted exactly that pattern
 * <li>{@code requests} → {@code requests N}: requests all devices saw since start or {@code reset}
 * <li>{@code reset} → {@code reset}: every device back to freshly flashed, and a garbage collection
 * <li>{@code quit}, or the end of stdin (the parent died): closes the fleet and exits
 * </ul>
 * It prints {@code ready COUNT} once every device listens, or {@code failed MESSAGE} and exits 1.
 */
public final class FleetProcess {

    private final SimulatedFleet fleet;
    private final PrintStream out;

    private FleetProcess(SimulatedFleet fleet, PrintStream out) {
        this.fleet = fleet;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FleetSpec spec;
        long lifetimeSeconds;
        int warmUpRequests;
        try {
            Map<String, String> options = options(args);
            spec = spec(options);
            lifetimeSeconds = Long.parseLong(options.getOrDefault("lifetime", "600"));
            warmUpRequests = Integer.parseInt(options.getOrDefault("warmup", "0"));
        } catch (IllegalArgumentException e) {
            out.println("failed " + e.getMessage());
            System.exit(1);
            return;
        }
        Thread watchdog = Thread.ofPlatform().daemon().name("fleet-process-lifetime").start(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(lifetimeSeconds));
                System.err.println("fleet process: lifetime of " + lifetimeSeconds + " s is over, exiting");
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the fleet ended normally
            }
        });
        LoopbackDeviceSimulator simulator = new LoopbackDeviceSimulator(new RunningFleets(java.util.Optional.empty()));
        try (SimulatedFleet fleet = simulator.start(spec)) {
            FleetWarmUp.run(fleet, warmUpRequests);
            out.println("ready " + fleet.devices().size());
            new FleetProcess(fleet, out).serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            out.println("failed " + e);
            e.printStackTrace();
            System.exit(1);
        } finally {
            watchdog.interrupt();
        }
    }

    private void serve(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null && !"quit".equals(line.trim()); line = in.readLine()) {
            try {
                out.println(answer(line.trim().split("\\s+")));
            } catch (RuntimeException e) {
                // a malformed command (bad index, missing word): the parent sees why, the fleet keeps running
                out.println("error " + e);
            }
        }
    }

    private String answer(String[] words) {
        return switch (words[0]) {
            case "last" -> last(fleet.device(Integer.parseInt(words[1])));
            case "holding" -> "holding " + holding(words[1]);
            case "requests" -> "requests " + fleet.devices().stream().mapToLong(SimulatedDevice::requestCount).sum();
            case "reset" -> {
                fleet.devices().forEach(SimulatedDevice::reset);
                // A benchmark resets before each measured upload: the garbage of the last one (a 64 MB
                // body is held three times over) must not be collected in the middle of the next.
                System.gc();
                yield "reset";
            }
            default -> "unknown " + String.join(" ", words);
        };
    }

    private static String last(SimulatedDevice device) {
        List<AcceptedPattern> accepted = device.acceptedPatterns();
        if (accepted.isEmpty()) {
            return "last none";
        }
        AcceptedPattern pattern = accepted.get(accepted.size() - 1);
        return "last " + pattern.size() + " " + pattern.sha256();
    }

    private long holding(String sha256) {
        return fleet.devices().stream().map(SimulatedDevice::acceptedPatterns)
                .filter(p -> !p.isEmpty() && p.get(p.size() - 1).sha256().equals(sha256)).count();
    }

    private static FleetSpec spec(Map<String, String> options) {
        DeviceProfile profile = DeviceProfile.byName(options.getOrDefault("profile", "esp32"));
        if (options.containsKey("bandwidth")) {
            profile = profile.withBandwidth(Long.parseLong(options.get("bandwidth")));
        }
        if (options.containsKey("freeHeap")) {
            profile = profile.withFreeHeap(Long.parseLong(options.get("freeHeap")));
        }
        if (options.containsKey("maxLeds")) {
            profile = profile.withMaxLeds(Integer.parseInt(options.get("maxLeds")));
        }
        return FleetSpec.of(Integer.parseInt(options.getOrDefault("count", "1")), profile)
                .withFirstAddress(options.getOrDefault("first", FleetSpec.DEFAULT_FIRST_ADDRESS))
                .withPort(Integer.parseInt(options.getOrDefault("port", Integer.toString(FleetSpec.DEFAULT_PORT))));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
