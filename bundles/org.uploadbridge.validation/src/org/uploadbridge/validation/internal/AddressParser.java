package org.uploadbridge.validation.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.uploadbridge.validation.ValidationError;
import org.uploadbridge.validation.address.AddressKind;
import org.uploadbridge.validation.address.ParsedAddress;
import org.uploadbridge.validation.address.Refusal;

/**
 * A strict parser for typed device addresses. It never calls DNS and never hands user text to
 * {@link InetAddress#getByName}, which accepts the legacy spellings ({@code 0177.1},
 * {@code 2130706433}) that turn an innocent-looking string into another host: every literal is
 * parsed here into bytes and built with {@link InetAddress#getByAddress(byte[])}.
 */
final class AddressParser {

    /** Far longer than any host name (253) or bracketed IPv6 with zone and port. */
    private static final int MAX_INPUT_LENGTH = 300;
    private static final int MAX_ZONE_LENGTH = 64;

    private AddressParser() {
    }

    /** Parses {@code host}, {@code host:port}, {@code ipv6}, {@code [ipv6]} or {@code [ipv6]:port}. */
    static ParsedAddress parse(String raw) throws SyntaxRefusal {
        String input = raw == null ? "" : raw.strip();
        if (input.isEmpty()) {
            throw refuse(ValidationError.EMPTY_ADDRESS);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw refuse(ValidationError.INVALID_HOST_NAME, abbreviate(input));
        }
        if (hasControlCharacters(input)) {
            // Never echo control characters into messages and logs.
            throw refuse(ValidationError.INVALID_HOST_NAME, input.replaceAll("\\p{Cntrl}", "?"));
        }
        if (looksLikeUrl(input)) {
            throw refuse(ValidationError.URL_NOT_ADDRESS, input);
        }
        if (input.startsWith("[")) {
            int close = input.indexOf(']');
            if (close < 0) {
                throw refuse(ValidationError.INVALID_IPV6, input);
            }
            String rest = input.substring(close + 1);
            OptionalInt port = OptionalInt.empty();
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':') {
                    throw refuse(ValidationError.INVALID_IPV6, input);
                }
                port = OptionalInt.of(parsePort(input, rest.substring(1)));
            }
            return parseIpv6(input, input.substring(1, close), port);
        }
        int firstColon = input.indexOf(':');
        if (firstColon >= 0 && input.indexOf(':', firstColon + 1) >= 0) {
            // Two or more colons without brackets: an IPv6 address, which cannot carry a port.
            return parseIpv6(input, input, OptionalInt.empty());
        }
        String host = firstColon < 0 ? input : input.substring(0, firstColon);
        OptionalInt port = firstColon < 0 ? OptionalInt.empty() : OptionalInt.of(parsePort(input, input.substring(firstColon + 1)));
        if (host.isEmpty()) {
            throw refuse(ValidationError.EMPTY_ADDRESS);
        }
        if (endsInNumber(host)) {
            int bits = parseIpv4(input, host);
            return literal(input, Ipv4.toText(bits), Ipv4.toAddress(bits), Optional.empty(), port, AddressClassifier.classifyIpv4(bits));
        }
        return parseHostName(input, host, port);
    }

    /**
     * Strict dotted quad: exactly four decimal parts 0..255 without leading zeros.
     *
     * @param input the whole input, for messages
     * @return the address bits
     */
    static int parseIpv4(String input, String text) throws SyntaxRefusal {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            // Fewer numeric parts (127.1, 2130706433, 0x7f000001) are legacy spellings that
            // inet_aton expands differently from what the user probably meant.
            boolean allNumeric = parts.length < 4;
            for (String part : parts) {
                allNumeric &= isDecimal(part) || isHex(part);
            }
            throw refuse(allNumeric ? ValidationError.AMBIGUOUS_IPV4 : ValidationError.INVALID_IPV4, input);
        }
        int bits = 0;
        for (String part : parts) {
            if (isHex(part) || (part.length() > 1 && part.charAt(0) == '0' && isDecimal(part))) {
                throw refuse(ValidationError.AMBIGUOUS_IPV4, input);
            }
            if (!isDecimal(part) || part.length() > 3) {
                throw refuse(ValidationError.INVALID_IPV4, input);
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw refuse(ValidationError.INVALID_IPV4, input);
            }
            bits = bits << 8 | value;
        }
        return bits;
    }

    private static ParsedAddress parseIpv6(String input, String text, OptionalInt port) throws SyntaxRefusal {
        int percent = text.indexOf('%');
        String addressText = percent < 0 ? text : text.substring(0, percent);
        Optional<String> zone = percent < 0 ? Optional.empty() : Optional.of(text.substring(percent + 1));
        byte[] bytes = Ipv6.parse(addressText).orElseThrow(() -> refuse(ValidationError.INVALID_IPV6, input));
        if (zone.isPresent() && !(isValidZone(zone.get()) && Ipv6.isLinkLocal(bytes))) {
            // A zone only selects the interface of a link-local address; elsewhere it is an error.
            throw refuse(ValidationError.INVALID_IPV6, input);
        }
        if (Ipv6.isIpv4Mapped(bytes)) {
            int bits = Ipv6.embeddedIpv4(bytes);
            // ::ffff:a.b.c.d is a.b.c.d on the wire: normalise, and judge it as that address.
            return literal(input, Ipv4.toText(bits), Ipv4.toAddress(bits), Optional.empty(), port, AddressClassifier.classifyIpv4(bits));
        }
        InetAddress address = zone.isPresent() && isDecimal(zone.get()) && zone.get().length() <= 9
                ? scoped(bytes, Integer.parseInt(zone.get()))
                : unscoped(bytes);
        return literal(input, Ipv6.toText(bytes), address, zone, port, AddressClassifier.classifyIpv6(bytes));
    }

    private static ParsedAddress parseHostName(String input, String host, OptionalInt port) throws SyntaxRefusal {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!isValidHostName(name)) {
            throw refuse(ValidationError.INVALID_HOST_NAME, input);
        }
        String normalised = name.toLowerCase(Locale.ROOT);
        AddressKind kind = normalised.endsWith(".local") ? AddressKind.MDNS_NAME : AddressKind.HOST_NAME;
        return new ParsedAddress(input, normalised, Optional.empty(), Optional.empty(), port, kind);
    }

    static int parsePort(String input, String text) throws SyntaxRefusal {
        if (text.isEmpty() || text.length() > 5 || !isDecimal(text)) {
            throw refuse(ValidationError.INVALID_PORT, input, text);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65_535) {
            throw refuse(ValidationError.INVALID_PORT, input, text);
        }
        return port;
    }

    /** RFC 1123 labels: 1-63 letters, digits and hyphens, no hyphen at either end; 253 in all. */
    static boolean isValidHostName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int length = i - labelStart;
                if (length < 1 || length > 63 || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isLetterOrDigit(name.charAt(i)) && name.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the last label is a number, as in the WHATWG URL host parser: such a host is an
     * IPv4 attempt (no top-level domain is numeric), so it must pass the strict IPv4 rules.
     */
    private static boolean endsInNumber(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        return !last.isEmpty() && (isDecimal(last) || isHex(last));
    }

    private static boolean hasControlCharacters(String input) {
        for (int i = 0; i < input.length(); i++) {
            if (Character.isISOControl(input.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeUrl(String input) {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '/' || c == '@' || c == '?' || c == '#' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static boolean isValidZone(String zone) {
        if (zone.isEmpty() || zone.length() > MAX_ZONE_LENGTH) {
            return false;
        }
        for (int i = 0; i < zone.length(); i++) {
            char c = zone.charAt(i);
            if (!isLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    static boolean isDecimal(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code 0x} or {@code 0X}, optionally followed by hex digits (inet_aton accepts a bare 0x). */
    private static boolean isHex(String text) {
        if (text.length() < 2 || text.charAt(0) != '0' || (text.charAt(1) != 'x' && text.charAt(1) != 'X')) {
            return false;
        }
        for (int i = 2; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static ParsedAddress literal(String input, String host, InetAddress address, Optional<String> zone, OptionalInt port,
            AddressKind kind) {
        return new ParsedAddress(input, host, Optional.of(address), zone, port, kind);
    }

    private static InetAddress unscoped(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes rejected as an IPv6 address", e);
        }
    }

    private static InetAddress scoped(byte[] bytes, int scopeId) {
        try {
            return Inet6Address.getByAddress(null, bytes, scopeId);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes rejected as an IPv6 address", e);
        }
    }

    private static String abbreviate(String input) {
        return input.substring(0, 40) + "...";
    }

    static SyntaxRefusal refuse(ValidationError code, Object... args) {
        return new SyntaxRefusal(Refusal.of(code, args));
    }
}
