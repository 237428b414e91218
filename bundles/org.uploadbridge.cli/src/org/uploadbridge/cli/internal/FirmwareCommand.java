package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.address.PolicyMode;

/** {@code firmware ADDR IMAGE [--allow-public] [--json]}: sends a firmware image (extended builds; needs a licence with firmware_update). */
final class FirmwareCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    FirmwareCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        DeviceArguments.Options options = DeviceArguments.options("firmware", args);
        boolean json = options.json();
        PolicyMode mode = options.mode();
        List<String> positional = options.positional();
        if (positional.size() != 2) {
            throw new UsageException("firmware needs a device address and an image file, e.g. firmware 192.168.4.1 firmware.bin");
        }
        String typed = positional.get(0);
        try {
            DeviceAddress address = DeviceArguments.parse(services.addressPolicy(), List.of(typed), mode).get(0);
            services.devices().updateFirmware(address, Path.of(positional.get(1)), TransferProgress.NONE);
            if (json) {
                out.println(Json.GSON.toJson(Map.of("address", address.toString(), "success", true)));
            } else {
                out.println("OK       " + address + ": firmware sent; the device reboots now.");
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, json, typed, e);
        }
    }
}
