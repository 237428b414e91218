package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.time.Duration;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.validation.address.PolicyMode;

/** {@code scan CIDR [--port P] [--timeout-ms T] [--allow-public] [--json]}: finds devices on a subnet. */
final class ScanCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    ScanCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        String cidr = null;
        int port = DeviceAddress.DEFAULT_PORT;
        int timeoutMs = (int) DeviceDiscovery.DEFAULT_HOST_TIMEOUT.toMillis();
        boolean json = false;
        PolicyMode mode = PolicyMode.LAN_ONLY;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--allow-public" -> mode = PolicyMode.ALLOW_PUBLIC;
                case "--port" -> port = Options.positiveInt("--port", Options.value(args, ++i, "--port"), 65535);
                case "--timeout-ms" -> timeoutMs = Options.positiveInt("--timeout-ms", Options.value(args, ++i, "--timeout-ms"), 60_000);
                default -> {
                    if (args[i].startsWith("--") || cidr != null) {
                        throw new UsageException("Unknown argument for scan: " + args[i]);
                    }
                    cidr = args[i];
                }
            }
        }
        if (cidr == null) {
            throw new UsageException("scan needs a subnet, e.g. 192.168.1.0/24");
        }
        boolean quiet = json;
        try {
            ScanSummary summary = services.discovery().scan(cidr, port, mode, DeviceDiscovery.DEFAULT_IN_FLIGHT,
                    Duration.ofMillis(timeoutMs), status -> {
                        if (!quiet) {
                            synchronized (out) {
                                out.println("found    " + DeviceOutput.line(status));
                            }
                        }
                    }, () -> Thread.currentThread().isInterrupted());
            if (json) {
                out.println(Json.GSON.toJson(new Json.ScanOutput(summary.range(), summary.scanned(), summary.listening(),
                        summary.elapsed().toMillis(), summary.devices().stream().map(DeviceOutput::json).toList())));
            } else {
                out.printf("Scanned %d addresses of %s on port %d in %.1f s: %d listening, %d device(s).%n", summary.scanned(),
                        summary.range(), port, summary.elapsed().toMillis() / 1000.0, summary.listening(), summary.devices().size());
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            if (json) {
                out.println(Json.GSON.toJson(DeviceOutput.json(cidr, e)));
            } else {
                DeviceOutput.printError(out, cidr, e);
            }
            return Cli.FAILED;
        }
    }
}
