package org.uploadbridge.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FaultProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.GuardConfiguration;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.testing.SimulatedFleets;

/**
 * Uploads to simulated devices that fail 30% of their requests, against the same uploads with no
 * faults in the same run: success rate, retries per upload, p95 upload time and the overhead.
 * Size: {@code -Dbenchmark.fault.uploads} (1,000 in {@code ./benchmarks.sh}).
 */
class FaultBenchmark {

    private static final int DEVICES = 50;
    private static final int PORT = 18_960;

    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final DeviceGuard guard = OsgiServices.await(DeviceGuard.class);
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    /** What one run measured. */
    private record Run(int uploads, int verified, long retries, double p95Ms, double totalMs, Map<String, Integer> failures) {
    }

    @AfterEach
    void restore() {
        GuardConfiguration.restoreDefaults();
    }

    @Test
    void uploadsThroughThirtyPercentFaults() throws Exception {
        int uploads = Integer.getInteger("benchmark.fault.uploads", 100);
        // Retries are measured; quotas and a breaker opening on random faults would only hide them.
        GuardConfiguration.retriesOnly();
        fleet = fleets.start(FleetSpec.of(DEVICES, DeviceProfile.esp32())
                .withFirstAddress("127.46.0.1").withPort(PORT));
        List<DeviceAddress> addresses = fleet.devices().stream()
                .map(d -> new DeviceAddress(d.address().getAddress().getHostAddress(), PORT)).toList();
        Path pattern = RepositoryFiles.sample("meteor_curtain.bin");

        run(addresses, pattern, addresses.size()); // warm-up: first contact probes each device's endpoints once
        Run clean = run(addresses, pattern, uploads);
        fleet.injectFaults(FaultProfile.flaky(0.3, 42));
        Run faulty = run(addresses, pattern, uploads);

        Figures.report("faults", String.format("""
                Uploads through 30%% injected faults (%d uploads to %d simulated devices, retries up to 5 attempts):
                  without faults: %d/%d verified, %.2f retries per upload, p95 %.1f ms, all in %.0f ms
                  with faults:    %d/%d verified (%.1f%%), %.2f retries per upload, p95 %.1f ms, all in %.0f ms; failed: %s
                  overhead of the faults: %.2fx the time, p95 %.2fx
                """, uploads, DEVICES, clean.verified(), clean.uploads(), (double) clean.retries() / clean.uploads(),
                clean.p95Ms(), clean.totalMs(), faulty.verified(), faulty.uploads(), 100.0 * faulty.verified() / faulty.uploads(),
                (double) faulty.retries() / faulty.uploads(), faulty.p95Ms(), faulty.totalMs(), faulty.failures(),
                faulty.totalMs() / clean.totalMs(),
                faulty.p95Ms() / clean.p95Ms()));
    }

    private Run run(List<DeviceAddress> addresses, Path pattern, int uploads) {
        long retriesBefore = retries(addresses);
        List<Double> times = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        int verified = 0;
        long start = System.nanoTime();
        for (int done = 0; done < uploads; done += addresses.size()) {
            List<DeviceAddress> round = addresses.subList(0, Math.min(addresses.size(), uploads - done));
            for (FleetResult result : devices.uploadToFleet(round, pattern, round.size(), r -> { })) {
                if (result.outcome().isPresent()) {
                    verified++;
                    times.add(result.outcome().get().elapsed().toNanos() / 1e6);
                } else {
                    failures.merge(result.failure().orElseThrow().code().id(), 1, Integer::sum);
                }
            }
        }
        double total = (System.nanoTime() - start) / 1e6;
        times.sort(null);
        double p95 = times.isEmpty() ? Double.NaN : times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1));
        return new Run(uploads, verified, retries(addresses) - retriesBefore, p95, total, failures);
    }

    private long retries(List<DeviceAddress> addresses) {
        return addresses.stream().mapToLong(a -> guard.state(a).retries()).sum();
    }
}
