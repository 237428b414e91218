package org.uploadbridge.validation.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.uploadbridge.validation.ValidationError;
import org.uploadbridge.validation.address.AddressCheck;
import org.uploadbridge.validation.address.AddressKind;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.CidrRange;
import org.uploadbridge.validation.address.ParsedAddress;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.address.RangeCheck;
import org.uploadbridge.validation.address.Refusal;

/** The LAN-only-by-default policy of {@link AddressPolicy}; stateless, the mode comes per call. */
@Component(service = AddressPolicy.class)
public final class DefaultAddressPolicy implements AddressPolicy {

    @Override
    public AddressCheck check(String input, PolicyMode mode) {
        Objects.requireNonNull(mode, "mode");
        String trimmed = input == null ? "" : input.strip();
        ParsedAddress parsed;
        try {
            parsed = AddressParser.parse(trimmed);
        } catch (SyntaxRefusal e) {
            return AddressCheck.refused(trimmed, Optional.empty(), e.refusal());
        }
        Optional<ValidationError> refused = refusalCode(parsed.kind(), mode);
        if (refused.isPresent()) {
            return AddressCheck.refused(trimmed, Optional.of(parsed), kindRefusal(refused.get(), trimmed, parsed.kind()));
        }
        return AddressCheck.allowed(parsed);
    }

    @Override
    public AddressKind classify(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof Inet4Address) {
            return AddressClassifier.classifyIpv4(Ipv4.toInt(address.getAddress()));
        }
        if (address instanceof Inet6Address) {
            return AddressClassifier.classifyIpv6(address.getAddress());
        }
        throw new IllegalArgumentException("neither IPv4 nor IPv6: " + address);
    }

    @Override
    public Optional<Refusal> checkAddress(InetAddress address, PolicyMode mode) {
        Objects.requireNonNull(mode, "mode");
        AddressKind kind = classify(address);
        String text = address.getHostAddress();
        return refusalCode(kind, mode).map(code -> kindRefusal(code, text, kind));
    }

    @Override
    public Optional<Refusal> checkResolved(String hostName, InetAddress[] resolved, PolicyMode mode) {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(mode, "mode");
        if (resolved == null || resolved.length == 0) {
            return Optional.of(Refusal.of(ValidationError.NOT_RESOLVED, hostName));
        }
        for (InetAddress address : resolved) {
            AddressKind kind = classify(Objects.requireNonNull(address, "resolved address"));
            if (refusalCode(kind, mode).isPresent()) {
                return Optional.of(Refusal.of(ValidationError.RESOLVED_TO_REFUSED_ADDRESS, hostName, address.getHostAddress(), kind.label()));
            }
        }
        return Optional.empty();
    }

    @Override
    public RangeCheck checkRange(String cidr, PolicyMode mode, long maxAddresses) {
        Objects.requireNonNull(mode, "mode");
        if (maxAddresses < 1) {
            throw new IllegalArgumentException("maxAddresses must be >= 1, was " + maxAddresses);
        }
        String input = cidr == null ? "" : cidr.strip();
        CidrRange range;
        try {
            range = parseRange(input);
        } catch (SyntaxRefusal e) {
            return new RangeCheck(input, Optional.empty(), Optional.of(e.refusal()));
        }
        if (range.addressCount() > maxAddresses) {
            Refusal tooLarge = Refusal.of(ValidationError.RANGE_TOO_LARGE, input, range.addressCount(), maxAddresses);
            return new RangeCheck(input, Optional.of(range), Optional.of(tooLarge));
        }
        return new RangeCheck(input, Optional.of(range), firstRefusedPart(input, range, mode));
    }

    /** {@code a.b.c.d/n}: a strict dotted quad and a prefix 0..32; host bits are cleared. */
    private static CidrRange parseRange(String input) throws SyntaxRefusal {
        int slash = input.indexOf('/');
        if (input.indexOf(':') >= 0) {
            throw AddressParser.refuse(ValidationError.IPV6_RANGE, input);
        }
        if (slash < 0 || input.indexOf('/', slash + 1) >= 0) {
            throw AddressParser.refuse(ValidationError.INVALID_RANGE, input);
        }
        String prefixText = input.substring(slash + 1);
        long bits = Ipv4.parseStrict(input.substring(0, slash));
        boolean prefixValid = AddressParser.isDecimal(prefixText) && prefixText.length() <= 2
                && !(prefixText.length() == 2 && prefixText.charAt(0) == '0');
        if (bits < 0 || !prefixValid || Integer.parseInt(prefixText) > 32) {
            throw AddressParser.refuse(ValidationError.INVALID_RANGE, input);
        }
        // 192.168.1.17/24 as shown by "ip addr" means the network 192.168.1.0/24.
        return CidrRange.containing(Ipv4.toAddress((int) bits), Integer.parseInt(prefixText));
    }

    /** The refusal of the lowest host address of {@code range} that the policy refuses, if any. */
    private static Optional<Refusal> firstRefusedPart(String input, CidrRange range, PolicyMode mode) {
        long first = Integer.toUnsignedLong(Ipv4.toInt(range.firstHost().getAddress()));
        long last = Integer.toUnsignedLong(Ipv4.toInt(range.lastHost().getAddress()));
        for (long start : AddressClassifier.kindSegmentStarts(first, last)) {
            AddressKind kind = AddressClassifier.classifyIpv4((int) start);
            Optional<ValidationError> code = refusalCode(kind, mode);
            if (code.isPresent()) {
                ValidationError rangeCode = code.get() == ValidationError.OUTSIDE_LAN
                        ? ValidationError.RANGE_OUTSIDE_LAN
                        : ValidationError.RANGE_NOT_SCANNABLE;
                return Optional.of(Refusal.of(rangeCode, input, Ipv4.toText((int) start), kind.label()));
            }
        }
        return Optional.empty();
    }

    /** The rule of the house: LAN always, public only when asked for, never what is not a device. */
    static Optional<ValidationError> refusalCode(AddressKind kind, PolicyMode mode) {
        return switch (kind) {
            case LOOPBACK, PRIVATE, LINK_LOCAL, HOST_NAME, MDNS_NAME -> Optional.empty();
            case PUBLIC, SHARED -> mode == PolicyMode.ALLOW_PUBLIC ? Optional.empty() : Optional.of(ValidationError.OUTSIDE_LAN);
            case UNSPECIFIED -> Optional.of(ValidationError.UNSPECIFIED_ADDRESS);
            case MULTICAST, BROADCAST -> Optional.of(ValidationError.MULTICAST_OR_BROADCAST);
            case RESERVED -> Optional.of(ValidationError.RESERVED_ADDRESS);
        };
    }

    private static Refusal kindRefusal(ValidationError code, String input, AddressKind kind) {
        return code == ValidationError.UNSPECIFIED_ADDRESS ? Refusal.of(code, input) : Refusal.of(code, input, kind.label());
    }
}
