package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FaultProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.Firmware;
import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * {@code simulate [--count N] [--profile esp8266|esp32|wled] [--first 127.42.0.1] [--port 8080]
 * [--bandwidth BYTES_PER_S] [--mdns] [--faults RATE [--seed N]] [--for SECONDS]}: simulated classic
 * devices on loopback until Ctrl+C, flaky ones with {@code --faults}.
 */
final class SimulateCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;
    private final CountDownLatch stopped;

    SimulateCommand(PrintStream out, CliServices services, CountDownLatch stopped) {
        this.out = out;
        this.services = services;
        this.stopped = stopped;
    }

    @Override
    public int run(String[] args) throws UsageException {
        int count = 8;
        DeviceProfile profile = DeviceProfile.esp8266();
        String first = FleetSpec.DEFAULT_FIRST_ADDRESS;
        int port = FleetSpec.DEFAULT_PORT;
        long bandwidth = 0;
        int seconds = 0;
        boolean mdns = false;
        double faultRate = 0;
        Long seed = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Options.positiveInt("--count", Options.value(args, ++i, "--count"), 10_000);
                case "--profile" -> profile = profile(Options.value(args, ++i, "--profile"));
                case "--first" -> first = Options.value(args, ++i, "--first");
                case "--port" -> port = Options.positiveInt("--port", Options.value(args, ++i, "--port"), 65535);
                case "--bandwidth" -> bandwidth = Options.positiveInt("--bandwidth", Options.value(args, ++i, "--bandwidth"), Integer.MAX_VALUE);
                case "--mdns" -> mdns = true;
                case "--faults" -> faultRate = Options.fraction("--faults", Options.value(args, ++i, "--faults"));
                case "--seed" -> seed = Options.wholeNumber("--seed", Options.value(args, ++i, "--seed"));
                case "--for" -> seconds = Options.positiveInt("--for", Options.value(args, ++i, "--for"), 86_400);
                default -> throw new UsageException("Unknown option for simulate: " + args[i]);
            }
        }
        if (seed != null && faultRate == 0) {
            throw new UsageException("--seed only matters with --faults RATE");
        }
        if (bandwidth > 0) {
            profile = profile.withBandwidth(bandwidth);
        }
        FleetSpec spec;
        try {
            spec = FleetSpec.of(count, profile).withFirstAddress(first).withPort(port);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String where = first + " ... port " + port;
        if (mdns && !MdnsAdvertisement.loopbackMulticastAvailable()) {
            return DeviceOutput.failed(out, false, "simulate", new UploadBridgeException(ApplicationError.SIMULATOR_NOT_STARTED, where,
                    "--mdns needs multicast on loopback, which Linux leaves off"));
        }
        // A seed of our own when none is given, printed so that the same faults can be had again.
        long faultSeed = seed != null ? seed : ThreadLocalRandom.current().nextInt(1, 1_000_000);
        try {
            return simulate(spec, profile, mdns, faultRate, faultSeed, seconds);
        } catch (UncheckedIOException e) {
            return DeviceOutput.failed(out, false, "simulate",
                    new UploadBridgeException(ApplicationError.SIMULATOR_NOT_STARTED, e, where, e.getMessage()));
        }
    }

    private int simulate(FleetSpec spec, DeviceProfile profile, boolean mdns, double faultRate, long faultSeed, int seconds) {
        int count = spec.count();
        int port = spec.port();
        try (SimulatedFleet fleet = services.simulator().start(spec);
                MdnsAdvertisement advertised = mdns ? services.simulator().advertiseMdns(fleet) : null) {
            if (faultRate > 0) {
                fleet.injectFaults(FaultProfile.flaky(faultRate, faultSeed));
            }
            SimulatedDevice firstDevice = fleet.devices().get(0);
            SimulatedDevice lastDevice = fleet.devices().get(fleet.devices().size() - 1);
            boolean wled = profile.firmware() == Firmware.WLED;
            out.println("Simulating " + count + (wled ? " WLED " + profile.firmwareVersion() : " " + profile.name() + " classic")
                    + " device(s) on port " + port + ", "
                    + firstDevice.address().getAddress().getHostAddress() + " ... " + lastDevice.address().getAddress().getHostAddress());
            out.println("Try: upload-bridge status " + firstDevice.address().getAddress().getHostAddress() + ":" + port);
            if (faultRate > 0) {
                out.println("Faults: " + percent(faultRate) + " of requests fail (connection reset mid-upload, 503, "
                        + "truncated or invalid JSON), seed " + faultSeed + "; --seed " + faultSeed + " repeats them.");
            }
            if (mdns) {
                out.println("Announced over mDNS on loopback (" + (wled ? "_wled._tcp, _http._tcp" : "_http._tcp, _arduino._tcp")
                        + "). Try: upload-bridge scan --mdns");
            }
            out.println(seconds > 0 ? "Running for " + seconds + " s." : "Press Ctrl+C to stop.");
            await(seconds);
            out.println("Stopped the simulated devices.");
            return Cli.OK;
        }
    }

    private void await(int seconds) {
        try {
            if (seconds > 0) {
                stopped.await(seconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static DeviceProfile profile(String name) throws UsageException {
        try {
            return DeviceProfile.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--profile takes esp8266, esp32 or wled, not " + name);
        }
    }
}
