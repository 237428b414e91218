package org.uploadbridge.cli.internal;

import java.util.ArrayList;
import java.util.List;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.ParsedAddress;
import org.uploadbridge.validation.address.PolicyMode;

/** Device addresses as users type them ({@code 192.168.4.1}, {@code 127.42.0.1:8080}, {@code [fe80::1]:80}). */
final class DeviceArguments {

    private DeviceArguments() {
    }

    /** What a device command was given: {@code --json}, {@code --allow-public}, and the rest in order. */
    record Options(boolean json, PolicyMode mode, List<String> positional) {
    }

    /** Reads the options every device command shares; any other {@code --option} is a usage error. */
    static Options options(String command, String[] args) throws UsageException {
        boolean json = false;
        PolicyMode mode = PolicyMode.LAN_ONLY;
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--json" -> json = true;
                case "--allow-public" -> mode = PolicyMode.ALLOW_PUBLIC;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("Unknown option for " + command + ": " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        return new Options(json, mode, List.copyOf(positional));
    }

    /** Parses and policy-checks each address; the first bad one is a catalogued error. */
    static List<DeviceAddress> parse(AddressPolicy policy, List<String> typed, PolicyMode mode) throws UploadBridgeException {
        List<DeviceAddress> addresses = new ArrayList<>();
        for (String text : typed) {
            ParsedAddress parsed = policy.require(text, mode);
            addresses.add(new DeviceAddress(parsed.host(), parsed.portOr(DeviceAddress.DEFAULT_PORT)));
        }
        return addresses;
    }
}
