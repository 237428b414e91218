package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.FirmwareBundles;

/**
 * {@code drivers [--json]}: the firmware drivers installed now, from which bundle, and the firmware
 * folder where more are dropped (installed while Upload Bridge runs, no restart).
 * {@code drivers install FILE [--json]}: checks a firmware bundle and copies it there.
 */
final class DriversCommand implements Cli.Command {

    record DriverJson(String firmware, String name, String bundle, String version, boolean thirdParty) {
    }

    record DriversJson(List<DriverJson> drivers, String firmwareFolder) {
    }

    private final PrintStream out;
    private final CliServices services;

    DriversCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    record InstalledJson(String bundle, String firmwareFolder) {
    }

    @Override
    public int run(String[] args) throws UsageException {
        DeviceArguments.Options options = DeviceArguments.options("drivers", args);
        boolean json = options.json();
        List<String> positional = options.positional();
        if (positional.size() == 2 && "install".equals(positional.get(0))) {
            return install(Path.of(positional.get(1)), json);
        }
        if (!positional.isEmpty()) {
            throw new UsageException("drivers takes --json, or install FILE");
        }
        List<DriverJson> drivers = services.devices().drivers().stream().map(DriversCommand::describe)
                .sorted(Comparator.comparing(DriverJson::firmware)).toList();
        String folder = FirmwareBundles.folder(services.context()).map(Object::toString).orElse(null);
        if (json) {
            out.println(Json.GSON.toJson(new DriversJson(drivers, folder)));
            return Cli.OK;
        }
        for (DriverJson driver : drivers) {
            out.printf("%-10s %-32s %s %s%s%n", driver.firmware(), driver.name(), driver.bundle(), driver.version(),
                    driver.thirdParty() ? "  (third party)" : "");
        }
        out.println(drivers.size() + " firmware driver(s).");
        out.println(folder == null ? "No firmware folder is watched in this installation."
                : "Firmware folder: " + folder + " (a firmware bundle's jar dropped there is installed while Upload Bridge runs)");
        return Cli.OK;
    }

    private int install(Path jar, boolean json) {
        try {
            Path folder = FirmwareBundles.folder(services.context()).orElseThrow(() -> new UploadBridgeException(
                    ApplicationError.NOT_A_FIRMWARE_BUNDLE, jar.getFileName(), "this installation watches no firmware folder"));
            String bundle = FirmwareBundles.install(jar, folder);
            if (json) {
                out.println(Json.GSON.toJson(new InstalledJson(bundle, folder.toString())));
            } else {
                out.println("Installed " + bundle + " into " + folder + ": a running Upload Bridge starts it within a second,"
                        + " and its devices appear. Delete the file there to remove it.");
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, json, jar.toString(), e);
        }
    }

    private static DriverJson describe(DeviceDriver driver) {
        Bundle bundle = FirmwareBundles.bundleOf(driver);
        return new DriverJson(driver.firmwareId(), driver.displayName(), bundle == null ? "?" : bundle.getSymbolicName(),
                bundle == null ? "" : bundle.getVersion().toString(), FirmwareBundles.isThirdParty(driver));
    }
}
