package org.uploadbridge.simulator;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fleet of identical simulated devices on consecutive loopback addresses, all on the same port:
 * {@code 127.42.0.1, 127.42.0.2, ...}, skipping host octets 0 and 255 ({@code 127.42.0.254} is
 * followed by {@code 127.42.1.1}). Every address must lie in 127.0.0.0/8: simulated devices only
 * ever listen on loopback.
 *
 * @param count how many devices, 1..{@value #MAX_DEVICES}
 * @param profile what every device of the fleet is
 * @param firstAddress the first device's address, in 127.0.0.0/8, host octet 1..254
 * @param port the port every device listens on; 0 lets each device pick a free port once (and
 *     keep it when it stops and starts again)
 * @param namePrefix device names are this prefix followed by 1, 2, ...
 */
public record FleetSpec(int count, DeviceProfile profile, Inet4Address firstAddress, int port, String namePrefix) {

    public static final int MAX_DEVICES = 10_000;
    public static final String DEFAULT_FIRST_ADDRESS = "127.42.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_NAME_PREFIX = "sim-";

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int LOOPBACK_OCTET = 127;

    public FleetSpec {
        if (count < 1 || count > MAX_DEVICES) {
            throw new IllegalArgumentException("a fleet has 1.." + MAX_DEVICES + " devices: " + count);
        }
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(firstAddress, "firstAddress");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        Objects.requireNonNull(namePrefix, "namePrefix");
        int first = toInt(firstAddress);
        requireLoopback(first, firstAddress);
        int hostOctet = first & 0xFF;
        if (hostOctet == 0 || hostOctet == 0xFF) {
            throw new IllegalArgumentException("host octet 0 and 255 are never used: " + firstAddress.getHostAddress());
        }
        // Proves the whole range stays on loopback before anything is bound.
        requireLoopback(advance(first, count - 1), firstAddress);
    }

    /** {@code count} devices of {@code profile} from 127.42.0.1 on port 8080, named sim-1, sim-2, ... */
    public static FleetSpec of(int count, DeviceProfile profile) {
        return new FleetSpec(count, profile, parse(DEFAULT_FIRST_ADDRESS), DEFAULT_PORT, DEFAULT_NAME_PREFIX);
    }

    public FleetSpec withFirstAddress(Inet4Address address) {
        return new FleetSpec(count, profile, address, port, namePrefix);
    }

    /** The first address as a dotted IPv4 literal (never resolved as a host name). */
    public FleetSpec withFirstAddress(String ipv4Literal) {
        return withFirstAddress(parse(ipv4Literal));
    }

    public FleetSpec withPort(int newPort) {
        return new FleetSpec(count, profile, firstAddress, newPort, namePrefix);
    }

    public FleetSpec withNamePrefix(String prefix) {
        return new FleetSpec(count, profile, firstAddress, port, prefix);
    }

    /** Every device's address, in order. */
    public List<Inet4Address> addresses() {
        List<Inet4Address> addresses = new ArrayList<>(count);
        int next = toInt(firstAddress);
        for (int i = 0; i < count; i++) {
            addresses.add(toAddress(next));
            next = advance(next, 1);
        }
        return addresses;
    }

    /** The name of device {@code index} (0-based). */
    public String deviceName(int index) {
        return namePrefix + (index + 1);
    }

    private static Inet4Address parse(String literal) {
        if (literal == null || !IPV4_LITERAL.matcher(literal).matches()) {
            throw new IllegalArgumentException("not an IPv4 address literal: " + literal);
        }
        // Built from its four octets: a literal is never handed to a name lookup.
        int value = 0;
        for (String octet : literal.split("\\.")) {
            int number = Integer.parseInt(octet);
            if (number > 0xFF) {
                throw new IllegalArgumentException("not an IPv4 address literal: " + literal);
            }
            value = value << 8 | number;
        }
        return toAddress(value);
    }

    private static void requireLoopback(int address, Inet4Address first) {
        if (address >>> 24 != LOOPBACK_OCTET) {
            throw new IllegalArgumentException("simulated devices only listen on loopback (127.0.0.0/8): "
                    + first.getHostAddress() + (address == toInt(first) ? "" : " and the addresses after it leave it"));
        }
    }

    /** {@code steps} addresses after {@code address}, skipping host octets 0 and 255; may leave 127/8. */
    private static int advance(int address, int steps) {
        long next = address & 0xFFFF_FFFFL;
        for (int i = 0; i < steps; i++) {
            next++;
            if ((next & 0xFF) == 0xFF) {
                next += 2;
            } else if ((next & 0xFF) == 0) {
                next++;
            }
        }
        return next > 0xFFFF_FFFFL ? 0 : (int) next;
    }

    private static int toInt(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }

    private static Inet4Address toAddress(int value) {
        byte[] b = { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
