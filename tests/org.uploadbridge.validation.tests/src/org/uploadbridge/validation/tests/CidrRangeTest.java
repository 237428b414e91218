package org.uploadbridge.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.ValidationError;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.CidrRange;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.address.RangeCheck;
import org.uploadbridge.validation.address.Refusal;

/** Scan ranges: syntax, host counts, the size cap and the policy over the whole range. */
class CidrRangeTest {

    private static AddressPolicy policy;

    @BeforeAll
    static void findPolicy() {
        policy = OsgiServices.service(AddressPolicy.class);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # input             | LAN_ONLY | ALLOW_PUBLIC | normalised         | hosts | first host      | last host
            192.168.1.0/24      | allowed  | allowed      | 192.168.1.0/24     | 254   | 192.168.1.1     | 192.168.1.254
            192.168.1.17/24     | allowed  | allowed      | 192.168.1.0/24     | 254   | 192.168.1.1     | 192.168.1.254
            ' 10.0.0.0/16 '     | allowed  | allowed      | 10.0.0.0/16        | 65534 | 10.0.0.1        | 10.0.255.254
            172.16.5.0/30       | allowed  | allowed      | 172.16.5.0/30      | 2     | 172.16.5.1      | 172.16.5.2
            192.168.4.0/31      | allowed  | allowed      | 192.168.4.0/31     | 2     | 192.168.4.0     | 192.168.4.1
            192.168.4.1/32      | allowed  | allowed      | 192.168.4.1/32     | 1     | 192.168.4.1     | 192.168.4.1
            169.254.0.0/16      | allowed  | allowed      | 169.254.0.0/16     | 65534 | 169.254.0.1     | 169.254.255.254
            127.0.0.0/24        | allowed  | allowed      | 127.0.0.0/24       | 254   | 127.0.0.1       | 127.0.0.254
            10.0.0.0/15         | UB-V122  | UB-V122      | 10.0.0.0/15        | -     | -               | -
            10.0.0.0/8          | UB-V122  | UB-V122      | 10.0.0.0/8         | -     | -               | -
            0.0.0.0/0           | UB-V122  | UB-V122      | 0.0.0.0/0          | -     | -               | -
            8.8.8.0/24          | UB-V123  | allowed      | 8.8.8.0/24         | 254   | 8.8.8.1         | 8.8.8.254
            172.15.255.0/23     | UB-V123  | allowed      | 172.15.254.0/23    | 510   | 172.15.254.1    | 172.15.255.254
            172.16.0.0/11       | UB-V122  | UB-V122      | 172.0.0.0/11       | -     | -               | -
            100.64.0.0/24       | UB-V123  | allowed      | 100.64.0.0/24      | 254   | 100.64.0.1      | 100.64.0.254
            224.0.0.0/24        | UB-V124  | UB-V124      | 224.0.0.0/24       | 254   | 224.0.0.1       | 224.0.0.254
            255.255.255.0/24    | UB-V124  | UB-V124      | 255.255.255.0/24   | 254   | 255.255.255.1   | 255.255.255.254
            0.0.0.0/24          | UB-V124  | UB-V124      | 0.0.0.0/24         | 254   | 0.0.0.1         | 0.0.0.254
            192.0.2.0/24        | UB-V124  | UB-V124      | 192.0.2.0/24       | 254   | 192.0.2.1       | 192.0.2.254
            192.168.1.0/33      | UB-V120  | UB-V120      | -                  | -     | -               | -
            192.168.1.0/-1      | UB-V120  | UB-V120      | -                  | -     | -               | -
            192.168.1.0/024     | UB-V120  | UB-V120      | -                  | -     | -               | -
            192.168.1.0         | UB-V120  | UB-V120      | -                  | -     | -               | -
            192.168.1.0/        | UB-V120  | UB-V120      | -                  | -     | -               | -
            192.168.1.0/24/8    | UB-V120  | UB-V120      | -                  | -     | -               | -
            192.168.1/24        | UB-V120  | UB-V120      | -                  | -     | -               | -
            0300.0250.1.0/24    | UB-V120  | UB-V120      | -                  | -     | -               | -
            lan/24              | UB-V120  | UB-V120      | -                  | -     | -               | -
            ''                  | UB-V120  | UB-V120      | -                  | -     | -               | -
            fd00::/64           | UB-V121  | UB-V121      | -                  | -     | -               | -
            fe80::/10           | UB-V121  | UB-V121      | -                  | -     | -               | -
            """)
    void range(String input, String lanOnly, String allowPublic, String normalised, String hosts, String firstHost, String lastHost)
            throws Exception {
        RangeCheck lan = policy.checkRange(input, PolicyMode.LAN_ONLY);
        RangeCheck open = policy.checkRange(input, PolicyMode.ALLOW_PUBLIC);
        assertOutcome(lanOnly, lan);
        assertOutcome(allowPublic, open);
        if (normalised.equals("-")) {
            assertTrue(lan.range().isEmpty(), () -> "parsed: " + lan.range());
            return;
        }
        CidrRange range = lan.range().orElseThrow();
        assertEquals(normalised, range.toString());
        if (!hosts.equals("-")) {
            assertEquals(Long.parseLong(hosts), range.hostCount());
            assertEquals(firstHost, range.firstHost().getHostAddress());
            assertEquals(lastHost, range.lastHost().getHostAddress());
        }
    }

    private static void assertOutcome(String expected, RangeCheck check) {
        if (expected.equals("allowed")) {
            assertTrue(check.isAllowed(), () -> "refused: " + check.refusal());
            return;
        }
        Refusal refusal = check.refusal().orElseThrow(() -> new AssertionError("allowed: " + check.range()));
        assertEquals(expected, refusal.code().id(), refusal::message);
        assertFalse(refusal.message().contains("{"), refusal::message);
    }

    @Test
    void crossingIntoPublicSpaceNamesTheFirstPublicAddress() {
        // CIDR blocks nest: a range crosses into public space by containing a private block and more.
        Refusal upper = policy.checkRange("192.168.0.0/15", PolicyMode.LAN_ONLY, 1 << 17).refusal().orElseThrow();
        assertEquals(ValidationError.RANGE_OUTSIDE_LAN, upper.code());
        assertTrue(upper.message().contains("192.169.0.0"), upper.message());
        assertTrue(upper.message().contains("--allow-public"), upper.message());

        Refusal lower = policy.checkRange("172.0.0.0/11", PolicyMode.LAN_ONLY, 1 << 21).refusal().orElseThrow();
        assertTrue(lower.message().contains("172.0.0.1"), lower.message());

        Refusal tenSlashSeven = policy.checkRange("10.0.0.0/7", PolicyMode.LAN_ONLY, 1L << 25).refusal().orElseThrow();
        assertTrue(tenSlashSeven.message().contains("11.0.0.0"), tenSlashSeven.message());

        assertTrue(policy.checkRange("172.16.0.0/12", PolicyMode.LAN_ONLY, 1 << 20).isAllowed());
        assertTrue(policy.checkRange("192.168.0.0/15", PolicyMode.ALLOW_PUBLIC, 1 << 17).isAllowed());
    }

    @Test
    void publicRangeContainingReservedSpaceIsRefusedEvenWhenPublicIsAllowed() {
        // 192.0.0.0/16 holds public addresses and the TEST-NET-1 and IETF blocks.
        Refusal refusal = policy.checkRange("192.0.0.0/16", PolicyMode.ALLOW_PUBLIC).refusal().orElseThrow();
        assertEquals(ValidationError.RANGE_NOT_SCANNABLE, refusal.code());
        assertTrue(refusal.message().contains("192.0.0.1"), refusal.message());
    }

    @Test
    void capIsConfigurable() {
        assertTrue(policy.checkRange("10.0.0.0/16", PolicyMode.LAN_ONLY).isAllowed());
        Refusal refusal = policy.checkRange("10.0.0.0/16", PolicyMode.LAN_ONLY, 1024).refusal().orElseThrow();
        assertEquals(ValidationError.RANGE_TOO_LARGE, refusal.code());
        assertTrue(refusal.message().contains("65,536"), refusal.message());
        assertTrue(refusal.message().contains("1,024"), refusal.message());
        assertTrue(policy.checkRange("10.0.0.0/22", PolicyMode.LAN_ONLY, 1024).isAllowed());
        assertTrue(policy.checkRange("10.0.0.0/8", PolicyMode.LAN_ONLY, 1L << 24).isAllowed());
        assertThrows(IllegalArgumentException.class, () -> policy.checkRange("10.0.0.0/8", PolicyMode.LAN_ONLY, 0));
    }

    @Test
    void hostsAreIteratedLazilyInOrder() throws Exception {
        CidrRange range = policy.checkRange("192.168.1.0/29", PolicyMode.LAN_ONLY).orThrow();
        List<String> hosts = new ArrayList<>();
        for (Inet4Address host : range.hosts()) {
            hosts.add(host.getHostAddress());
        }
        assertEquals(List.of("192.168.1.1", "192.168.1.2", "192.168.1.3", "192.168.1.4", "192.168.1.5", "192.168.1.6"), hosts);
        Iterator<Inet4Address> iterator = range.hosts().iterator();
        for (int i = 0; i < 6; i++) {
            iterator.next();
        }
        assertFalse(iterator.hasNext());
        assertThrows(NoSuchElementException.class, iterator::next);
    }

    @Test
    void largeRangeIsCountedWithoutBuildingAList() throws Exception {
        CidrRange range = policy.checkRange("10.0.0.0/16", PolicyMode.LAN_ONLY).orThrow();
        long count = 0;
        String last = null;
        for (Inet4Address host : range.hosts()) {
            count++;
            last = host.getHostAddress();
        }
        assertEquals(65_534, count);
        assertEquals("10.0.255.254", last);
        assertEquals(65_536, range.addressCount());
    }

    @Test
    void rangeEndingAtTheTopOfTheAddressSpaceIterates() throws Exception {
        CidrRange range = CidrRange.containing((Inet4Address) InetAddress.getByAddress(new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 252}), 30);
        List<String> hosts = new ArrayList<>();
        range.hosts().forEach(h -> hosts.add(h.getHostAddress()));
        assertEquals(List.of("255.255.255.253", "255.255.255.254"), hosts);
    }

    @Test
    void containsOnlyItsOwnAddresses() throws Exception {
        CidrRange range = policy.checkRange("192.168.1.0/24", PolicyMode.LAN_ONLY).orThrow();
        assertTrue(range.contains(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, (byte) 200})));
        assertFalse(range.contains(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 2, 1})));
        assertFalse(range.contains(InetAddress.getByName("::1")));
    }

    @Test
    void refusedRangeThrowsWithItsCode() {
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> policy.checkRange("fd00::/64", PolicyMode.ALLOW_PUBLIC).orThrow());
        assertEquals(ValidationError.IPV6_RANGE, e.code());
    }

    @Test
    void networkWithHostBitsIsNotARange() throws Exception {
        Inet4Address address = (Inet4Address) InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        assertThrows(IllegalArgumentException.class, () -> new CidrRange(address, 24));
        assertEquals("10.0.0.0/24", CidrRange.containing(address, 24).toString());
    }
}
