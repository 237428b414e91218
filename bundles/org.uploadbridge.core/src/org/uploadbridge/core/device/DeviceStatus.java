package org.uploadbridge.core.device;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A device's answer to a status request, in the terms every firmware shares. Fields a firmware does
 * not report are empty.
 *
 * @param address where the device answered
 * @param firmwareId the driver that understood it, e.g. {@code classic}
 * @param name the device's name, or its address when it has none
 * @param firmwareVersion as the device reports it
 * @param macAddress as the device reports it, lower case with colons
 * @param maxLeds the most LEDs the device drives
 * @param freeHeapBytes free RAM, which bounds the pattern size on devices that hold it in RAM
 * @param pattern the pattern it plays
 * @param network e.g. "AP ub-device 192.168.4.1"
 * @param capabilities what it can do
 */
public record DeviceStatus(DeviceAddress address, String firmwareId, String name, Optional<String> firmwareVersion,
        Optional<String> macAddress, OptionalInt maxLeds, OptionalLong freeHeapBytes, LoadedPatternInfo pattern,
        String network, Set<Capability> capabilities) {

    public DeviceStatus {
        capabilities = Set.copyOf(capabilities);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }
}
