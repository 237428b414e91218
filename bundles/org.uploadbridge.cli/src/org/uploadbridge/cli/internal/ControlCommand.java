package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceService;

/**
 * The commands that change what a device shows, one device at a time:
 * {@code power ADDR on|off}, {@code brightness ADDR 1..255}, {@code blink ADDR},
 * {@code play ADDR NAME} (a pattern of its library) and {@code stop ADDR} (a live stream); each
 * with {@code [--allow-public] [--json]}. A device that cannot do it says "not supported" (UB-D001).
 */
final class ControlCommand implements Cli.Command {

    /** What the command did, for {@code --json}. */
    record ControlJson(String address, String command, String done) {
    }

    private final PrintStream out;
    private final CliServices services;
    private final String verb;

    ControlCommand(PrintStream out, CliServices services, String verb) {
        this.out = out;
        this.services = services;
        this.verb = verb;
    }

    @Override
    public int run(String[] args) throws UsageException {
        DeviceArguments.Options options = DeviceArguments.options(verb, args);
        List<String> typed = options.positional();
        int values = switch (verb) {
            case "power", "brightness", "play" -> 1;
            default -> 0;
        };
        if (typed.size() != 1 + values) {
            throw new UsageException(usage());
        }
        Action action = action(typed);
        try {
            DeviceAddress address = DeviceArguments.parse(services.addressPolicy(), typed.subList(0, 1), options.mode()).get(0);
            String done = action.on(services.devices(), address);
            if (options.json()) {
                out.println(Json.GSON.toJson(new ControlJson(address.toString(), verb, done)));
            } else {
                out.println("OK       " + address + ": " + done);
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, options.json(), typed.get(0), e);
        }
    }

    @FunctionalInterface
    private interface Action {
        String on(DeviceService devices, DeviceAddress address) throws UploadBridgeException;
    }

    /** Parses the value before any device is asked, so a typo costs no request. */
    private Action action(List<String> typed) throws UsageException {
        return switch (verb) {
            case "power" -> {
                boolean on = switch (typed.get(1)) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new UsageException("power takes on or off, not " + typed.get(1));
                };
                yield (devices, address) -> {
                    devices.setPower(address, on);
                    return on ? "turned on" : "turned off";
                };
            }
            case "brightness" -> {
                int level = Options.positiveInt("brightness", typed.get(1), 255);
                yield (devices, address) -> {
                    devices.setBrightness(address, level);
                    return "brightness " + level + " of 255";
                };
            }
            case "blink" -> (devices, address) -> {
                devices.blink(address);
                return "blinked, then went back to what it showed";
            };
            case "play" -> (devices, address) -> {
                devices.play(address, typed.get(1));
                return "plays " + typed.get(1) + " from its library";
            };
            case "stop" -> (devices, address) -> {
                devices.stopStream(address);
                return "stream stopped; the device shows its own effect again";
            };
            default -> throw new IllegalStateException("no device control " + verb);
        };
    }

    private String usage() {
        return switch (verb) {
            case "power" -> "power needs a device address and on or off, e.g. power 192.168.4.1 off";
            case "brightness" -> "brightness needs a device address and a level 1..255 (power off for 0), e.g. brightness 192.168.4.1 128";
            case "play" -> "play needs a device address and the name of a pattern in its library";
            default -> verb + " needs one device address, e.g. " + verb + " 192.168.4.1";
        };
    }
}
