package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.LibraryEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.address.PolicyMode;

/** {@code library ADDR [--allow-public] [--json]}: the patterns stored on a device (extended firmware builds). */
final class LibraryCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    LibraryCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        DeviceArguments.Options options = DeviceArguments.options("library", args);
        if (options.positional().size() != 1) {
            throw new UsageException("library needs one device address, e.g. 192.168.4.1");
        }
        boolean json = options.json();
        PolicyMode mode = options.mode();
        String typed = options.positional().get(0);
        try {
            DeviceAddress address = DeviceArguments.parse(services.addressPolicy(), List.of(typed), mode).get(0);
            List<LibraryEntry> entries = services.devices().library(address);
            if (json) {
                out.println(Json.GSON.toJson(entries));
            } else {
                entries.forEach(e -> out.printf("%s %-24s %5d LEDs x %4d frames %8d bytes%n", e.selected() ? "*" : " ", e.name(),
                        e.ledCount(), e.frameCount(), e.sizeBytes()));
                out.println(entries.size() + " pattern(s) on " + address + (entries.isEmpty() ? "" : "; * plays now") + ".");
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, json, typed, e);
        }
    }
}
