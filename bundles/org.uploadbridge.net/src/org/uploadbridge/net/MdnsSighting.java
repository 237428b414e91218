package org.uploadbridge.net;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One service instance seen over mDNS at one IPv4 address.
 *
 * @param serviceType e.g. {@code _wled._tcp.local.}
 * @param instanceName e.g. {@code living-room}
 * @param hostName the host the service runs on, e.g. {@code living-room.local.}
 * @param address the IPv4 address the host announced
 * @param port the service's port
 * @param text the TXT record's key/value pairs
 */
public record MdnsSighting(String serviceType, String instanceName, String hostName, String address, int port,
        Map<String, String> text) {

    public MdnsSighting {
        text = Map.copyOf(text);
    }

    /** The MAC address from the TXT record ({@code mac=}), lower case with colons, when announced. */
    public Optional<String> macAddress() {
        String mac = text.get("mac");
        if (mac == null || mac.isBlank()) {
            return Optional.empty();
        }
        String hex = mac.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12) {
            return Optional.empty();
        }
        return Optional.of(String.join(":", hex.substring(0, 2), hex.substring(2, 4), hex.substring(4, 6),
                hex.substring(6, 8), hex.substring(8, 10), hex.substring(10, 12)));
    }
}
