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
