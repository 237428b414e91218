package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.resilience.GuardState;
import org.uploadbridge.validation.address.PolicyMode;

/** {@code status ADDR... [--allow-public] [--json]}: what each device plays and can do. */
final class StatusCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    StatusCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        DeviceArguments.Options options = DeviceArguments.options("status", args);
        boolean json = options.json();
        PolicyMode mode = options.mode();
        List<String> typed = options.positional();
        if (typed.isEmpty()) {
            throw new UsageException("status needs at least one device address, e.g. 192.168.4.1 or 127.42.0.1:8080");
        }
        List<Object> results = new ArrayList<>();
        boolean allOk = true;
        for (String text : typed) {
            try {
                DeviceAddress address = DeviceArguments.parse(services.addressPolicy(), List.of(text), mode).get(0);
                var status = services.devices().status(address);
                GuardState guard = services.guard().state(address);
                DeviceHealth health = services.metrics().health(address);
                results.add(DeviceOutput.json(status).with(guard, health));
                if (!json) {
                    out.println(DeviceOutput.line(status) + "  [" + String.join(", ", DeviceOutput.json(status).capabilities()) + "]");
                    out.println("         " + DeviceOutput.line(guard) + "; health " + health.score() + "/100");
                }
            } catch (UploadBridgeException e) {
                allOk = false;
                results.add(DeviceOutput.json(text, e));
                if (!json) {
                    DeviceOutput.printError(out, text, e);
                }
            }
        }
        if (json) {
            out.println(Json.GSON.toJson(results));
        }
        return allOk ? Cli.OK : Cli.FAILED;
    }
}
