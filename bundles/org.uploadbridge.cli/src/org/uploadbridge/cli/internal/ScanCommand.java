package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DiscoverySummary;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * {@code scan [CIDR] [--mdns [SECONDS]] [--port P] [--timeout-ms T] [--allow-public] [--json]}:
 * finds devices on a subnet, by mDNS, or both at once (merged by MAC or address).
 */
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
        Duration mdnsWindow = Duration.ZERO;
        boolean json = false;
        PolicyMode mode = PolicyMode.LAN_ONLY;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--allow-public" -> mode = PolicyMode.ALLOW_PUBLIC;
                case "--port" -> port = Options.positiveInt("--port", Options.value(args, ++i, "--port"), 65535);
                case "--timeout-ms" -> timeoutMs = Options.positiveInt("--timeout-ms", Options.value(args, ++i, "--timeout-ms"), 60_000);
                case "--mdns" -> {
                    mdnsWindow = DeviceDiscovery.DEFAULT_MDNS_WINDOW;
                    if (i + 1 < args.length && args[i + 1].matches("\\d+")) {
                        mdnsWindow = Duration.ofSeconds(Options.positiveInt("--mdns", args[++i], 600));
                    }
                }
                default -> {
                    if (args[i].startsWith("--") || cidr != null) {
                        throw new UsageException("Unknown argument for scan: " + args[i]);
                    }
                    cidr = args[i];
                }
            }
        }
        if (cidr == null && mdnsWindow.isZero()) {
            throw new UsageException("scan needs a subnet (e.g. 192.168.1.0/24), --mdns, or both");
        }
        boolean quiet = json;
        String subject = cidr != null ? cidr : "mDNS";
        try {
            DiscoverySummary summary = services.discovery().discover(cidr, port, mdnsWindow, mode, found -> {
                if (!quiet) {
                    synchronized (out) {
                        out.println("found    " + DeviceOutput.line(found.status()) + "  (" + String.join(", ", DeviceOutput.sources(found)) + ")");
                    }
                }
            }, () -> Thread.currentThread().isInterrupted());
            if (json) {
                printJson(summary);
            } else {
                printSummary(summary, port);
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, json, subject, e);
        }
    }

    private void printJson(DiscoverySummary summary) {
        Optional<ScanSummary> scan = summary.scan();
        out.println(Json.GSON.toJson(new Json.ScanOutput(scan.map(ScanSummary::range).orElse(null),
                scan.map(ScanSummary::scanned).orElse(null), scan.map(ScanSummary::listening).orElse(null),
                summary.browse().map(b -> b.sightings()).orElse(null),
                summary.mdnsProblem().map(e -> DeviceOutput.json("mDNS", e)).orElse(null), summary.elapsed().toMillis(),
                summary.devices().stream().map(DeviceOutput::json).toList())));
    }

    private void printSummary(DiscoverySummary summary, int port) {
        summary.scan().ifPresent(scan -> out.printf("Scanned %d addresses of %s on port %d: %d listening.%n",
                scan.scanned(), scan.range(), port, scan.listening()));
        summary.browse().ifPresent(browse -> out.printf("mDNS: %d announcement(s) in %.1f s%s.%n", browse.sightings(),
                browse.elapsed().toMillis() / 1000.0,
                browse.refused() > 0 ? ", " + browse.refused() + " refused by the address policy" : ""));
        summary.mdnsProblem().ifPresent(problem -> DeviceOutput.printError(out, "mDNS", problem));
        out.printf("%d device(s) in %.1f s.%n", summary.devices().size(), summary.elapsed().toMillis() / 1000.0);
    }
}
