package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.RegisteredDevice;

/**
 * {@code devices [--json]}: the user's devices, in order (what the Devices view lists, and the order
 * the free edition's device limit counts in), including a distribution's preset devices.
 * {@code devices add ADDR... | remove ADDR...} changes that list.
 */
final class DevicesCommand implements Cli.Command {

    record DeviceJson(String name, String address, String firmware) {
    }

    record DevicesJson(List<DeviceJson> devices, String file) {
    }

    private final PrintStream out;
    private final CliServices services;

    DevicesCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        DeviceArguments.Options options = DeviceArguments.options("devices", args);
        List<String> positional = options.positional();
        DeviceRegistry registry = services.registry();
        if (!positional.isEmpty()) {
            String action = positional.get(0);
            List<String> typed = positional.subList(1, positional.size());
            if (!List.of("add", "remove").contains(action) || typed.isEmpty()) {
                throw new UsageException("devices takes --json, or add ADDR..., or remove ADDR...");
            }
            try {
                for (DeviceAddress address : DeviceArguments.parse(services.addressPolicy(), typed, options.mode())) {
                    if ("add".equals(action)) {
                        registry.add(address);
                    } else {
                        registry.remove(address);
                    }
                }
            } catch (UploadBridgeException e) {
                return DeviceOutput.failed(out, options.json(), "devices " + action, e);
            }
        }
        List<DeviceJson> devices = registry.devices().stream().map(DevicesCommand::describe).toList();
        if (options.json()) {
            out.println(Json.GSON.toJson(new DevicesJson(devices, registry.storageFile().toString())));
            return Cli.OK;
        }
        int n = 0;
        for (DeviceJson device : devices) {
            out.printf("%3d. %-24s %-22s %s%n", ++n, device.name(), device.address(),
                    device.firmware() == null ? "(firmware not seen yet)" : device.firmware());
        }
        out.println(devices.size() + " device(s), kept in " + registry.storageFile());
        return Cli.OK;
    }

    private static DeviceJson describe(RegisteredDevice device) {
        return new DeviceJson(device.name(), device.address().toString(), device.firmwareId().isEmpty() ? null : device.firmwareId());
    }
}
