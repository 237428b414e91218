package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * {@code demo [--dir DIR]}: the README's tour without a display. Writes the example patterns,
 * reads and validates each, then starts simulated devices on loopback, discovers them, uploads a
 * pattern to all of them and checks what they received, and prints what happened.
 */
final class DemoCommand implements Cli.Command {

    private static final int TOUR_DEVICES = 8;
    private static final String TOUR_FIRST_ADDRESS = "127.42.200.1";
    private static final String TOUR_RANGE = "127.42.200.0/24";
    private static final int TOUR_PORT = 8080;

    private final PrintStream out;
    private final CliServices services;

    DemoCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        Path dir = Path.of(System.getProperty("user.home"), ".uploadbridge", "demo-patterns");
        for (int i = 0; i < args.length; i++) {
            if ("--dir".equals(args[i])) {
                dir = Path.of(Options.value(args, ++i, "--dir"));
            } else {
                throw new UsageException("Unknown option for demo: " + args[i]);
            }
        }
        out.println("Upload Bridge headless tour (no display: the workbench would show the same patterns).");
        List<Path> files;
        try {
            files = DemoPatternsCommand.write(dir);
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, false, dir.toString(), e);
        }
        out.println("1. Wrote " + files.size() + " example patterns into " + dir);
        out.println("2. Read and validated each (as the Patterns view does), against an ESP32 running the classic firmware:");
        ValidateCommand validate = new ValidateCommand(out, services);
        int valid = 0;
        for (Path file : files) {
            FileCheck any = validate.check(file, ReadOptions.none(), DeviceLimits.none());
            FileCheck esp32 = validate.check(file, ReadOptions.none(), DeviceLimits.esp32());
            HumanOutput.print(out, esp32);
            if (any.valid()) {
                valid++;
            }
        }
        out.println("3. Summary: " + valid + " of " + files.size() + " patterns are valid files; the findings above say which"
                + " fit an ESP32's memory and power budget.");
        boolean devicesOk = devicesTour(dir.resolve("comet-strip-144.bin"));
        out.println("Open the patterns in the workbench with: ./upload-bridge   (needs a display)");
        return valid == files.size() && devicesOk ? Cli.OK : Cli.FAILED;
    }

    /** Simulated devices on loopback: discover them, upload to all of them, and check what they received. */
    private boolean devicesTour(Path pattern) {
        FleetSpec spec = FleetSpec.of(TOUR_DEVICES, DeviceProfile.esp32()).withFirstAddress(TOUR_FIRST_ADDRESS).withPort(TOUR_PORT);
        try (SimulatedFleet fleet = services.simulator().start(spec)) {
            out.println("4. Started " + TOUR_DEVICES + " simulated ESP32 devices on " + TOUR_FIRST_ADDRESS + " ... (port " + TOUR_PORT + ").");
            ScanSummary scan = services.discovery().scan(TOUR_RANGE, TOUR_PORT, PolicyMode.LAN_ONLY, DeviceDiscovery.DEFAULT_IN_FLIGHT,
                    DeviceDiscovery.DEFAULT_HOST_TIMEOUT, status -> { }, () -> false);
            out.printf("5. Scanned %s: %d addresses in %d ms, found %d device(s).%n", scan.range(), scan.scanned(),
                    scan.elapsed().toMillis(), scan.devices().size());
            List<DeviceAddress> addresses = scan.devices().stream().map(DeviceStatus::address).sorted(
                    java.util.Comparator.comparing(DeviceAddress::toString)).toList();
            List<FleetResult> results = services.devices().uploadToFleet(addresses, pattern, 4, r -> { });
            long confirmed = results.stream().filter(FleetResult::isSuccess).count();
            long intact = fleet.devices().stream().filter(d -> !d.acceptedPatterns().isEmpty() && results.stream()
                    .flatMap(r -> r.outcome().stream()).anyMatch(o -> o.receipt().sha256().equals(d.acceptedPatterns().get(0).sha256())))
                    .count();
            out.println("6. Uploaded " + pattern.getFileName() + " to all of them in parallel: " + confirmed + " of " + results.size()
                    + " confirmed by the devices' status, " + intact + " received byte for byte what was sent (SHA-256).");
            results.stream().filter(r -> !r.isSuccess()).forEach(r -> DeviceOutput.printError(out, r.address().toString(),
                    r.failure().orElseThrow()));
            return scan.devices().size() == TOUR_DEVICES && confirmed == TOUR_DEVICES && intact == TOUR_DEVICES;
        } catch (UploadBridgeException e) {
            DeviceOutput.printError(out, "the device tour", e);
            return false;
        } catch (java.io.UncheckedIOException e) {
            DeviceOutput.printError(out, "the device tour", new UploadBridgeException(ApplicationError.SIMULATOR_NOT_STARTED, e,
                    TOUR_FIRST_ADDRESS + " ... port " + TOUR_PORT, e.getMessage()));
            return false;
        }
    }
}
