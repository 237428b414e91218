package org.uploadbridge.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.Severity;
import org.uploadbridge.validation.ValidationError;
import org.uploadbridge.validation.address.AddressKind;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.ParsedAddress;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.address.Refusal;

/** The address policy beyond the table: resolved names, addresses from elsewhere, values. */
class AddressPolicyTest {

    private static AddressPolicy policy;

    @BeforeAll
    static void findPolicy() {
        policy = OsgiServices.service(AddressPolicy.class);
    }

    private static InetAddress ip(int... bytes) throws UnknownHostException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return InetAddress.getByAddress(raw);
    }

    private static InetAddress ipv6(String text) throws UnknownHostException {
        // Test data only: the JDK's parser is fine for well-formed literals we wrote ourselves.
        return InetAddress.getByName(text);
    }

    @Test
    void literalIsBuiltFromItsBytesWithoutDns() throws Exception {
        ParsedAddress parsed = policy.require("192.168.4.1:8080", PolicyMode.LAN_ONLY);
        InetAddress address = parsed.address().orElseThrow();
        assertInstanceOf(Inet4Address.class, address);
        assertEquals("192.168.4.1", address.getHostAddress());
        assertEquals(8080, parsed.portOr(80));
        assertEquals("192.168.4.1:8080", parsed.display());
        assertEquals("192.168.4.1", parsed.uriHost());
    }

    @Test
    void mappedIpv6IsNormalisedToItsIpv4Address() throws Exception {
        ParsedAddress parsed = policy.require("::ffff:192.168.1.2", PolicyMode.LAN_ONLY);
        assertInstanceOf(Inet4Address.class, parsed.address().orElseThrow());
        assertEquals("192.168.1.2", parsed.address().orElseThrow().getHostAddress());
    }

    @Test
    void linkLocalKeepsItsZoneForUrisAndDisplay() throws Exception {
        ParsedAddress parsed = policy.require("[fe80::1%eth0]:8080", PolicyMode.LAN_ONLY);
        assertInstanceOf(Inet6Address.class, parsed.address().orElseThrow());
        assertEquals(Optional.of("eth0"), parsed.zone());
        assertEquals("[fe80::1%25eth0]", parsed.uriHost());
        assertEquals("[fe80::1%eth0]:8080", parsed.display());
        assertEquals(80, policy.require("fe80::1", PolicyMode.LAN_ONLY).portOr(80));
    }

    @Test
    void numericZoneBecomesTheScopeId() throws Exception {
        ParsedAddress parsed = policy.require("fe80::1%3", PolicyMode.LAN_ONLY);
        Inet6Address address = (Inet6Address) parsed.address().orElseThrow();
        assertEquals(3, address.getScopeId());
    }

    @Test
    void hostNameIsAllowedButNeedsResolution() throws Exception {
        ParsedAddress parsed = policy.require("Living-Room.local", PolicyMode.LAN_ONLY);
        assertTrue(parsed.needsResolution());
        assertTrue(parsed.address().isEmpty());
        assertEquals("living-room.local", parsed.uriHost());
    }

    @Test
    void refusalBecomesAnExceptionWithItsCode() {
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> policy.require("8.8.8.8", PolicyMode.LAN_ONLY));
        assertEquals(ValidationError.OUTSIDE_LAN, e.code());
        assertTrue(e.detail().contains("8.8.8.8"), e.detail());
        assertTrue(e.detail().contains("--allow-public"), e.detail());
        assertTrue(e.detail().contains("a public internet address"), e.detail());
    }

    @Test
    void refusalBecomesAnErrorFinding() {
        Refusal refusal = policy.check("0x7f.0.0.1", PolicyMode.ALLOW_PUBLIC).refusal().orElseThrow();
        assertEquals(Severity.ERROR, refusal.toFinding().severity());
        assertEquals(ValidationError.AMBIGUOUS_IPV4, refusal.toFinding().code());
        assertEquals(refusal.message(), refusal.toFinding().message());
        assertTrue(refusal.toFinding().location().isNone());
    }

    @Test
    void resolvedAddressesMustAllPass() throws Exception {
        InetAddress lan = ip(192, 168, 1, 20);
        InetAddress publicAddress = ip(93, 184, 216, 34);
        assertEquals(Optional.empty(), policy.checkResolved("esp.local", new InetAddress[] {lan}, PolicyMode.LAN_ONLY));

        // A rebinding answer mixes a LAN address with a public one: refused as a whole.
        Refusal refusal = policy.checkResolved("esp.example.com", new InetAddress[] {lan, publicAddress}, PolicyMode.LAN_ONLY)
                .orElseThrow();
        assertEquals(ValidationError.RESOLVED_TO_REFUSED_ADDRESS, refusal.code());
        assertTrue(refusal.message().contains("esp.example.com"), refusal.message());
        assertTrue(refusal.message().contains("93.184.216.34"), refusal.message());

        assertEquals(Optional.empty(),
                policy.checkResolved("esp.example.com", new InetAddress[] {lan, publicAddress}, PolicyMode.ALLOW_PUBLIC));
        // Not even ALLOW_PUBLIC lets a name point at "any address" or a multicast group.
        assertEquals(ValidationError.RESOLVED_TO_REFUSED_ADDRESS, policy.checkResolved("evil.example",
                new InetAddress[] {ip(0, 0, 0, 0)}, PolicyMode.ALLOW_PUBLIC).orElseThrow().code());
        assertEquals(ValidationError.RESOLVED_TO_REFUSED_ADDRESS, policy.checkResolved("evil.example",
                new InetAddress[] {ipv6("ff02::1")}, PolicyMode.ALLOW_PUBLIC).orElseThrow().code());
    }

    @Test
    void resolvedMappedAndNat64AddressesAreJudgedByTheirIpv4Address() throws Exception {
        Refusal nat64 = policy.checkResolved("esp.example.com", new InetAddress[] {ipv6("64:ff9b::808:808")}, PolicyMode.LAN_ONLY)
                .orElseThrow();
        assertTrue(nat64.message().contains("a public internet address"), nat64.message());
        assertEquals(Optional.empty(),
                policy.checkResolved("esp.example.com", new InetAddress[] {ipv6("64:ff9b::c0a8:114")}, PolicyMode.LAN_ONLY));
    }

    @Test
    void nameWithoutAddressesIsRefused() {
        assertEquals(ValidationError.NOT_RESOLVED,
                policy.checkResolved("esp.local", new InetAddress[0], PolicyMode.LAN_ONLY).orElseThrow().code());
        assertEquals(ValidationError.NOT_RESOLVED, policy.checkResolved("esp.local", null, PolicyMode.LAN_ONLY).orElseThrow().code());
    }

    @Test
    void addressesFromDiscoveryAreCheckedToo() throws Exception {
        assertEquals(Optional.empty(), policy.checkAddress(ip(10, 1, 2, 3), PolicyMode.LAN_ONLY));
        assertEquals(ValidationError.OUTSIDE_LAN, policy.checkAddress(ip(8, 8, 4, 4), PolicyMode.LAN_ONLY).orElseThrow().code());
        assertEquals(Optional.empty(), policy.checkAddress(ip(8, 8, 4, 4), PolicyMode.ALLOW_PUBLIC));
        assertEquals(ValidationError.MULTICAST_OR_BROADCAST,
                policy.checkAddress(ip(255, 255, 255, 255), PolicyMode.ALLOW_PUBLIC).orElseThrow().code());
        assertEquals(ValidationError.UNSPECIFIED_ADDRESS, policy.checkAddress(ipv6("::"), PolicyMode.ALLOW_PUBLIC).orElseThrow().code());
    }

    @Test
    void classifiesByTheSpecialPurposeRegistries() throws Exception {
        assertEquals(AddressKind.LOOPBACK, policy.classify(ip(127, 0, 0, 1)));
        assertEquals(AddressKind.LOOPBACK, policy.classify(ipv6("::1")));
        assertEquals(AddressKind.PRIVATE, policy.classify(ip(172, 20, 1, 1)));
        assertEquals(AddressKind.PRIVATE, policy.classify(ipv6("fc00::5")));
        assertEquals(AddressKind.LINK_LOCAL, policy.classify(ipv6("febf:ffff::1")));
        assertEquals(AddressKind.PUBLIC, policy.classify(ipv6("fe7f::1")));
        assertEquals(AddressKind.SHARED, policy.classify(ip(100, 100, 0, 1)));
        assertEquals(AddressKind.RESERVED, policy.classify(ipv6("3fff:0fff::1")));
        assertEquals(AddressKind.RESERVED, policy.classify(ipv6("100::1")));
        assertEquals(AddressKind.PUBLIC, policy.classify(ip(11, 0, 0, 1)));
        assertEquals(AddressKind.MULTICAST, policy.classify(ip(224, 0, 0, 1)));
    }

    @Test
    void modeMapsFromTheAllowPublicFlag() {
        assertEquals(PolicyMode.ALLOW_PUBLIC, PolicyMode.of(true));
        assertEquals(PolicyMode.LAN_ONLY, PolicyMode.of(false));
    }

    @Test
    void veryLongInputIsRefusedWithoutEchoingAllOfIt() {
        String input = "a".repeat(10_000) + ".local";
        Refusal refusal = policy.check(input, PolicyMode.LAN_ONLY).refusal().orElseThrow();
        assertEquals(ValidationError.INVALID_HOST_NAME, refusal.code());
        assertTrue(refusal.message().length() < 400, refusal.message());
    }

    @Test
    void controlCharactersAreRefusedAndNotEchoed() {
        Refusal refusal = policy.check("esp.local\r\nX-Injected: 1", PolicyMode.LAN_ONLY).refusal().orElseThrow();
        assertEquals(ValidationError.INVALID_HOST_NAME, refusal.code());
        assertTrue(refusal.message().contains("esp.local??X-Injected"), refusal.message());
        assertFalse(refusal.message().contains("\n"), refusal.message());
    }

    @Test
    void longestValidHostNameIsAccepted() throws Exception {
        String label = "a".repeat(63);
        String name = label + "." + label + "." + label + "." + "b".repeat(61);
        assertEquals(253, name.length());
        assertEquals(name, policy.require(name, PolicyMode.LAN_ONLY).host());
        assertEquals(ValidationError.INVALID_HOST_NAME, policy.check(name + "c", PolicyMode.LAN_ONLY).refusal().orElseThrow().code());
    }
}
