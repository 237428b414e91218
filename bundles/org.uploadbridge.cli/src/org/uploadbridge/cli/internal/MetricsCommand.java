package org.uploadbridge.cli.internal;

import java.io.PrintStream;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.metrics.DeviceMetrics;

/**
 * {@code metrics [--json|--csv]}: each device's health as the metrics kept it (in the workspace,
 * across runs of the workbench and the CLI), and the fleet's. Formula: {@code docs/metrics.md}.
 */
final class MetricsCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    MetricsCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        String format = "text";
        for (String arg : args) {
            switch (arg) {
                case "--json" -> format = "json";
                case "--csv" -> format = "csv";
                default -> throw new UsageException("Unknown argument for metrics: " + arg);
            }
        }
        DeviceMetrics metrics = services.metrics();
        switch (format) {
            case "json" -> out.println(metrics.exportJson());
            case "csv" -> out.print(metrics.exportCsv());
            default -> {
                out.printf("%-24s %6s %8s %8s %8s %10s %9s%n", "device", "health", "uploads", "failures", "retries", "status p95", "breaker");
                for (DeviceAddress device : metrics.devices()) {
                    print(device.toString(), metrics.health(device));
                }
                print("(all devices)", metrics.overall());
            }
        }
        return Cli.OK;
    }

    private void print(String name, DeviceHealth health) {
        out.printf("%-24s %6s %8d %8d %8d %10s %9s%n", name, health.hasData() ? Integer.toString(health.score()) : "-",
                health.uploads(), health.failures(), health.retries(), health.statusP95().toMillis() + " ms",
                health.breakerState().toLowerCase(java.util.Locale.ROOT));
    }
}
