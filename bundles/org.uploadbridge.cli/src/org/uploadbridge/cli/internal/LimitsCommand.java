package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.RegisteredDevice;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * {@code limits ADDR [--profile esp8266|esp32|none] [--max-leds N] [--ram BYTES] [--power-ma MA] [--json]}:
 * shows or sets what a device holds, for firmwares that do not report it; uploads are checked against it.
 */
final class LimitsCommand implements Cli.Command {

    record LimitsJson(String address, Integer maxLeds, Long freeRamBytes, Integer powerBudgetMa) {
    }

    private final PrintStream out;
    private final CliServices services;

    LimitsCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        boolean json = false;
        boolean change = false;
        String typed = null;
        DeviceLimits limits = null;
        Integer maxLeds = null;
        Long ram = null;
        Integer powerMa = null;
        for (int i = 0; i < args.length; i++) {
            change |= List.of("--profile", "--max-leds", "--ram", "--power-ma").contains(args[i]);
            switch (args[i]) {
                case "--json" -> json = true;
                case "--profile" -> limits = profile(Options.value(args, ++i, "--profile"));
                case "--max-leds" -> maxLeds = Options.positiveInt("--max-leds", Options.value(args, ++i, "--max-leds"), 0xFFFF);
                case "--ram" -> ram = (long) Options.positiveInt("--ram", Options.value(args, ++i, "--ram"), Integer.MAX_VALUE);
                case "--power-ma" -> powerMa = Options.positiveInt("--power-ma", Options.value(args, ++i, "--power-ma"), 1_000_000);
                default -> {
                    if (args[i].startsWith("--") || typed != null) {
                        throw new UsageException("Unknown argument for limits: " + args[i]);
                    }
                    typed = args[i];
                }
            }
        }
        if (typed == null) {
            throw new UsageException("limits needs a device address, e.g. 192.168.4.1");
        }
        try {
            DeviceAddress address = DeviceArguments.parse(services.addressPolicy(), List.of(typed), PolicyMode.LAN_ONLY).get(0);
            DeviceRegistry registry = services.registry();
            if (change) {
                DeviceLimits base = limits != null ? limits
                        : registry.find(address).map(RegisteredDevice::assumedLimits).orElse(DeviceLimits.none());
                if (maxLeds != null) {
                    base = base.withMaxLeds(maxLeds);
                }
                if (ram != null) {
                    base = base.withFreeRamBytes(ram);
                }
                if (powerMa != null) {
                    base = base.withPowerBudgetMa(powerMa);
                }
                registry.assumeLimits(address, base);
            }
            DeviceLimits now = registry.find(address).map(RegisteredDevice::assumedLimits).orElse(DeviceLimits.none());
            if (json) {
                out.println(Json.GSON.toJson(new LimitsJson(address.toString(),
                        now.maxLeds().isPresent() ? now.maxLeds().getAsInt() : null,
                        now.freeRamBytes().isPresent() ? now.freeRamBytes().getAsLong() : null,
                        now.powerBudgetMa().isPresent() ? now.powerBudgetMa().getAsInt() : null)));
            } else {
                out.println(address + ": " + describe(now));
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, json, typed, e);
        }
    }

    private static DeviceLimits profile(String name) throws UsageException {
        return switch (name) {
            case "esp8266" -> DeviceLimits.esp8266();
            case "esp32" -> DeviceLimits.esp32();
            case "none" -> DeviceLimits.none();
            default -> throw new UsageException("--profile is esp8266, esp32 or none, not " + name);
        };
    }

    private static String describe(DeviceLimits limits) {
        if (limits.equals(DeviceLimits.none())) {
            return "no limits assumed; uploads are checked against what the device reports";
        }
        StringBuilder text = new StringBuilder("assumed");
        limits.maxLeds().ifPresent(leds -> text.append(" at most ").append(leds).append(" LEDs,"));
        limits.freeRamBytes().ifPresent(bytes -> text.append(" ").append(bytes).append(" bytes free RAM,"));
        limits.powerBudgetMa().ifPresent(ma -> text.append(" a ").append(ma).append(" mA power supply,"));
        text.setLength(text.length() - 1);
        return text.append(" where the device reports nothing").toString();
    }
}
