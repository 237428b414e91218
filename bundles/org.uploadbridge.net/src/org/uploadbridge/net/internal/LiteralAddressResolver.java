package org.uploadbridge.net.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves IP literals on the spot and hands names to {@code names}. Jetty's asynchronous resolver
 * moves every connection to another thread and schedules (and cancels) a timeout task, even for an
 * IP literal: with a new connection per request (small controllers close each one), that is paid
 * on every request to a scanned or listed device.
 */
final class LiteralAddressResolver implements SocketAddressResolver {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SocketAddressResolver names;

    LiteralAddressResolver(SocketAddressResolver names) {
        this.names = names;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        if (!isLiteral(host)) {
            names.resolve(host, port, context, promise);
            return;
        }
        InetSocketAddress address;
        try {
            // For a literal, getByName only parses (an invalid IPv6 literal fails): no lookup, no blocking.
            address = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            promise.failed(e);
            return;
        }
        promise.succeeded(List.of(address));
    }

    /** Dotted IPv4 with octets up to 255, or IPv6 (a colon never occurs in a host name). */
    static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(host).matches()) {
            return false;
        }
        for (String octet : host.split("\\.")) {
            if (Integer.parseInt(octet) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
