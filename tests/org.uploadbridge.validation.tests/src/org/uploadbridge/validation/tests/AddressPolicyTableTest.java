package org.uploadbridge.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uploadbridge.validation.address.AddressCheck;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.ParsedAddress;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.address.Refusal;

/**
 * The address policy as a table: each typed address with its outcome in LAN_ONLY and in
 * ALLOW_PUBLIC mode ({@code allowed} or the refusal code), its kind, normalised host and port
 * ({@code -} where there is none).
 */
class AddressPolicyTableTest {

    private static AddressPolicy policy;

    @BeforeAll
    static void findPolicy() {
        policy = OsgiServices.service(AddressPolicy.class);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            # input                                  | LAN_ONLY | ALLOW_PUBLIC | kind        | host                   | port
            192.168.4.1                              | allowed  | allowed      | PRIVATE     | 192.168.4.1            | -
            192.168.4.1:80                           | allowed  | allowed      | PRIVATE     | 192.168.4.1            | 80
            192.168.1.50:8080                        | allowed  | allowed      | PRIVATE     | 192.168.1.50           | 8080
            '  192.168.1.50  '                       | allowed  | allowed      | PRIVATE     | 192.168.1.50           | -
            10.0.0.1                                 | allowed  | allowed      | PRIVATE     | 10.0.0.1               | -
            10.255.255.254                           | allowed  | allowed      | PRIVATE     | 10.255.255.254         | -
            172.15.0.1                               | UB-V110  | allowed      | PUBLIC      | 172.15.0.1             | -
            172.16.0.1                               | allowed  | allowed      | PRIVATE     | 172.16.0.1             | -
            172.31.255.255                           | allowed  | allowed      | PRIVATE     | 172.31.255.255         | -
            172.32.0.1                               | UB-V110  | allowed      | PUBLIC      | 172.32.0.1             | -
            192.167.255.255                          | UB-V110  | allowed      | PUBLIC      | 192.167.255.255        | -
            192.169.0.1                              | UB-V110  | allowed      | PUBLIC      | 192.169.0.1            | -
            127.0.0.1                                | allowed  | allowed      | LOOPBACK    | 127.0.0.1              | -
            127.255.255.254:9000                     | allowed  | allowed      | LOOPBACK    | 127.255.255.254        | 9000
            169.254.10.20                            | allowed  | allowed      | LINK_LOCAL  | 169.254.10.20          | -
            100.64.0.1                               | UB-V110  | allowed      | SHARED      | 100.64.0.1             | -
            100.127.255.255                          | UB-V110  | allowed      | SHARED      | 100.127.255.255        | -
            100.128.0.1                              | UB-V110  | allowed      | PUBLIC      | 100.128.0.1            | -
            8.8.8.8                                  | UB-V110  | allowed      | PUBLIC      | 8.8.8.8                | -
            1.1.1.1:443                              | UB-V110  | allowed      | PUBLIC      | 1.1.1.1                | 443
            0.0.0.0                                  | UB-V111  | UB-V111      | UNSPECIFIED | 0.0.0.0                | -
            0.1.2.3                                  | UB-V113  | UB-V113      | RESERVED    | 0.1.2.3                | -
            255.255.255.255                          | UB-V112  | UB-V112      | BROADCAST   | 255.255.255.255        | -
            224.0.0.251                              | UB-V112  | UB-V112      | MULTICAST   | 224.0.0.251            | -
            239.255.255.250:1900                     | UB-V112  | UB-V112      | MULTICAST   | 239.255.255.250        | 1900
            240.0.0.1                                | UB-V113  | UB-V113      | RESERVED    | 240.0.0.1              | -
            192.0.2.10                               | UB-V113  | UB-V113      | RESERVED    | 192.0.2.10             | -
            198.51.100.7                             | UB-V113  | UB-V113      | RESERVED    | 198.51.100.7           | -
            203.0.113.5                              | UB-V113  | UB-V113      | RESERVED    | 203.0.113.5            | -
            198.18.0.1                               | UB-V113  | UB-V113      | RESERVED    | 198.18.0.1             | -
            2130706433                               | UB-V102  | UB-V102      | -           | -                      | -
            0177.0.0.1                               | UB-V102  | UB-V102      | -           | -                      | -
            010.0.0.1                                | UB-V102  | UB-V102      | -           | -                      | -
            192.168.01.1                             | UB-V102  | UB-V102      | -           | -                      | -
            0x7f.0.0.1                               | UB-V102  | UB-V102      | -           | -                      | -
            0x7f000001                               | UB-V102  | UB-V102      | -           | -                      | -
            127.1                                    | UB-V102  | UB-V102      | -           | -                      | -
            192.168.1                                | UB-V102  | UB-V102      | -           | -                      | -
            127.0.0.1:0x50                           | UB-V106  | UB-V106      | -           | -                      | -
            256.1.1.1                                | UB-V103  | UB-V103      | -           | -                      | -
            192.168.1.1.1                            | UB-V103  | UB-V103      | -           | -                      | -
            192.168..1                               | UB-V103  | UB-V103      | -           | -                      | -
            192.168.1.1.                             | UB-V103  | UB-V103      | -           | -                      | -
            ::1                                      | allowed  | allowed      | LOOPBACK    | ::1                    | -
            [::1]:8080                               | allowed  | allowed      | LOOPBACK    | ::1                    | 8080
            ::                                       | UB-V111  | UB-V111      | UNSPECIFIED | ::                     | -
            [::]:80                                  | UB-V111  | UB-V111      | UNSPECIFIED | ::                     | 80
            fe80::1                                  | allowed  | allowed      | LINK_LOCAL  | fe80::1                | -
            fe80::1%eth0                             | allowed  | allowed      | LINK_LOCAL  | fe80::1                | -
            [fe80::1%eth0]:8080                      | allowed  | allowed      | LINK_LOCAL  | fe80::1                | 8080
            [FE80:0:0:0:0:0:0:1]:80                  | allowed  | allowed      | LINK_LOCAL  | fe80::1                | 80
            fd12:3456::1                             | allowed  | allowed      | PRIVATE     | fd12:3456::1           | -
            fd12:3456:0000:0000:0000:0000:0000:0001  | allowed  | allowed      | PRIVATE     | fd12:3456::1           | -
            fec0::1                                  | allowed  | allowed      | PRIVATE     | fec0::1                | -
            2001:4860:4860::8888                     | UB-V110  | allowed      | PUBLIC      | 2001:4860:4860::8888   | -
            [2001:4860:4860::8888]:443               | UB-V110  | allowed      | PUBLIC      | 2001:4860:4860::8888   | 443
            2001:db8::1                              | UB-V113  | UB-V113      | RESERVED    | 2001:db8::1            | -
            ff02::1                                  | UB-V112  | UB-V112      | MULTICAST   | ff02::1                | -
            ::ffff:8.8.8.8                           | UB-V110  | allowed      | PUBLIC      | 8.8.8.8                | -
            ::ffff:127.0.0.1                         | allowed  | allowed      | LOOPBACK    | 127.0.0.1              | -
            ::ffff:192.168.1.2                       | allowed  | allowed      | PRIVATE     | 192.168.1.2            | -
            ::ffff:c0a8:102                          | allowed  | allowed      | PRIVATE     | 192.168.1.2            | -
            [::ffff:8.8.8.8]:80                      | UB-V110  | allowed      | PUBLIC      | 8.8.8.8                | 80
            ::ffff:0.0.0.0                           | UB-V111  | UB-V111      | UNSPECIFIED | 0.0.0.0                | -
            ::8.8.8.8                                | UB-V110  | allowed      | PUBLIC      | ::808:808              | -
            64:ff9b::8.8.8.8                         | UB-V110  | allowed      | PUBLIC      | 64:ff9b::808:808       | -
            64:ff9b::192.168.1.2                     | allowed  | allowed      | PRIVATE     | 64:ff9b::c0a8:102      | -
            ::ffff:0177.0.0.1                        | UB-V104  | UB-V104      | -           | -                      | -
            fe80::1%eth0:80                          | UB-V104  | UB-V104      | -           | -                      | -
            fd12::1%eth0                             | UB-V104  | UB-V104      | -           | -                      | -
            [fe80::1]80                              | UB-V104  | UB-V104      | -           | -                      | -
            [fe80::1                                 | UB-V104  | UB-V104      | -           | -                      | -
            [192.168.1.1]                            | UB-V104  | UB-V104      | -           | -                      | -
            1:2:3:4:5:6:7:8:9                        | UB-V104  | UB-V104      | -           | -                      | -
            1::2::3                                  | UB-V104  | UB-V104      | -           | -                      | -
            fe80::g                                  | UB-V104  | UB-V104      | -           | -                      | -
            12345::1                                 | UB-V104  | UB-V104      | -           | -                      | -
            esp-matrix.local                         | allowed  | allowed      | MDNS_NAME   | esp-matrix.local       | -
            ESP-Matrix.Local:8080                    | allowed  | allowed      | MDNS_NAME   | esp-matrix.local       | 8080
            led-controller                           | allowed  | allowed      | HOST_NAME   | led-controller         | -
            wled.example.com.                        | allowed  | allowed      | HOST_NAME   | wled.example.com       | -
            localhost:80                             | allowed  | allowed      | HOST_NAME   | localhost              | 80
            -bad.local                               | UB-V105  | UB-V105      | -           | -                      | -
            bad-.local                               | UB-V105  | UB-V105      | -           | -                      | -
            under_score.local                        | UB-V105  | UB-V105      | -           | -                      | -
            two..dots.local                          | UB-V105  | UB-V105      | -           | -                      | -
            'has space.local'                        | UB-V105  | UB-V105      | -           | -                      | -
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.local | UB-V105  | UB-V105      | -           | -                      | -
            münchen.local                            | UB-V105  | UB-V105      | -           | -                      | -
            http://192.168.1.2                       | UB-V107  | UB-V107      | -           | -                      | -
            192.168.1.2/index.html                   | UB-V107  | UB-V107      | -           | -                      | -
            admin@192.168.1.2                        | UB-V107  | UB-V107      | -           | -                      | -
            192.168.1.2:0                            | UB-V106  | UB-V106      | -           | -                      | -
            192.168.1.2:65536                        | UB-V106  | UB-V106      | -           | -                      | -
            192.168.1.2:65535                        | allowed  | allowed      | PRIVATE     | 192.168.1.2            | 65535
            192.168.1.2:1                            | allowed  | allowed      | PRIVATE     | 192.168.1.2            | 1
            192.168.1.2:-1                           | UB-V106  | UB-V106      | -           | -                      | -
            192.168.1.2:http                         | UB-V106  | UB-V106      | -           | -                      | -
            192.168.1.2:                             | UB-V106  | UB-V106      | -           | -                      | -
            [::1]:                                   | UB-V106  | UB-V106      | -           | -                      | -
            esp.local:99999                          | UB-V106  | UB-V106      | -           | -                      | -
            8.8.8.8:0                                | UB-V106  | UB-V106      | -           | -                      | -
            ''                                       | UB-V101  | UB-V101      | -           | -                      | -
            '   '                                    | UB-V101  | UB-V101      | -           | -                      | -
            NULL                                     | UB-V101  | UB-V101      | -           | -                      | -
            :80                                      | UB-V101  | UB-V101      | -           | -                      | -
            """)
    void typedAddress(String input, String lanOnly, String allowPublic, String kind, String host, String port) {
        AddressCheck lan = policy.check(input, PolicyMode.LAN_ONLY);
        AddressCheck open = policy.check(input, PolicyMode.ALLOW_PUBLIC);
        assertOutcome(lanOnly, lan);
        assertOutcome(allowPublic, open);
        for (AddressCheck check : new AddressCheck[] {lan, open}) {
            if (kind.equals("-")) {
                assertTrue(check.parsed().isEmpty(), () -> "expected a syntax error, parsed " + check.parsed());
                continue;
            }
            ParsedAddress parsed = check.parsed().orElseThrow(() -> new AssertionError("not parsed: " + check.refusal()));
            assertEquals(kind, parsed.kind().name());
            assertEquals(host, parsed.host());
            assertEquals(port.equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port)), parsed.port());
            assertEquals(parsed.kind().isName(), parsed.needsResolution());
        }
    }

    private static void assertOutcome(String expected, AddressCheck check) {
        if (expected.equals("allowed")) {
            assertTrue(check.isAllowed(), () -> "refused: " + check.refusal());
            return;
        }
        assertFalse(check.isAllowed(), () -> "allowed: " + check.parsed());
        Refusal refusal = check.refusal().orElseThrow();
        assertEquals(expected, refusal.code().id(), refusal::message);
        String message = refusal.message();
        assertFalse(message.contains("{"), () -> "unfilled placeholder: " + message);
        if (!check.input().isEmpty() && !expected.equals("UB-V101")) {
            assertTrue(message.contains(check.input()), () -> "message does not name the input: " + message);
        }
    }
}
