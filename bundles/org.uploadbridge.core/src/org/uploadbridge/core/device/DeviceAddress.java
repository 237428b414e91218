package org.uploadbridge.core.device;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a device answers: a host (an IP literal or a name, as the address policy accepted it) and
 * a TCP port. IPv6 literals are kept without brackets.
 */
public record DeviceAddress(String host, int port) {

    public static final int DEFAULT_PORT = 80;

    public DeviceAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /** The HTTP URI of {@code path} (starting with "/") on this device. */
    public URI uri(String path) {
        String literal = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create("http://" + literal + (port == DEFAULT_PORT ? "" : ":" + port) + path);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
