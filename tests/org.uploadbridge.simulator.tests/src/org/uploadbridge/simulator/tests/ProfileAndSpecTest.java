package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.Extension;
import org.uploadbridge.simulator.FleetSpec;

/** The value types of the API: profiles and fleet specs, without a network. */
class ProfileAndSpecTest {

    @Test
    void theEsp8266ProfileIsThePlainClassicFirmware() {
        DeviceProfile esp8266 = DeviceProfile.esp8266();

        assertEquals("esp8266", esp8266.name());
        assertEquals(1000, esp8266.maxLeds());
        assertEquals(45_000, esp8266.freeHeapBytes());
        assertEquals(Set.of(), esp8266.extensions());
        assertEquals(0, esp8266.bandwidthBytesPerSecond());
        assertEquals(DeviceProfile.WifiMode.AP, esp8266.wifiMode());
        assertEquals(Duration.ofMillis(500), esp8266.rebootTime());
    }

    @Test
    void theEsp32ProfileHasEveryExtension() {
        DeviceProfile esp32 = DeviceProfile.esp32();

        assertEquals(1000, esp32.maxLeds());
        assertEquals(250_000, esp32.freeHeapBytes());
        assertEquals(EnumSet.allOf(Extension.class), esp32.extensions());
        assertTrue(esp32.supports(Extension.OTA));
    }

    @ParameterizedTest
    @CsvSource({ "esp8266, esp8266", "ESP32, esp32", " Esp8266 , esp8266" })
    void profilesAreFoundByName(String asked, String name) {
        assertEquals(name, DeviceProfile.byName(asked).name());
    }

    @Test
    void anUnknownProfileNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeviceProfile.byName("esp32-s3"));
    }

    @Test
    void withersChangeOneThing() {
        DeviceProfile profile = DeviceProfile.esp32().withBandwidth(500_000).withExtensions(Extension.OTA)
                .withNetwork("Workshop", DeviceProfile.WifiMode.STA);

        assertEquals(500_000, profile.bandwidthBytesPerSecond());
        assertEquals(Set.of(Extension.OTA), profile.extensions());
        assertFalse(profile.supports(Extension.LIBRARY));
        assertEquals("Workshop", profile.ssid());
        assertEquals(250_000, profile.freeHeapBytes());
        assertEquals(Set.of(), profile.withExtensions().extensions());
    }

    @Test
    void impossibleProfilesAreRefused() {
        DeviceProfile esp = DeviceProfile.esp8266();
        assertThrows(IllegalArgumentException.class, () -> esp.withBandwidth(-1));
        assertThrows(IllegalArgumentException.class, () -> esp.withMaxLeds(0));
        assertThrows(IllegalArgumentException.class, () -> esp.withMaxLeds(65_536));
        assertThrows(IllegalArgumentException.class, () -> esp.withFreeHeap(-1));
        assertThrows(IllegalArgumentException.class, () -> esp.withRebootTime(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> esp.withFirmwareVersion(" "));
    }

    @Test
    void aFleetSpecDefaultsTo127_42_0_1Port8080() {
        FleetSpec spec = FleetSpec.of(3, DeviceProfile.esp8266());

        assertEquals("127.42.0.1", spec.firstAddress().getHostAddress());
        assertEquals(8080, spec.port());
        assertEquals(List.of("127.42.0.1", "127.42.0.2", "127.42.0.3"), hosts(spec));
        assertEquals("sim-3", spec.deviceName(2));
    }

    @Test
    void consecutiveAddressesSkipHostOctets0And255() {
        FleetSpec spec = FleetSpec.of(4, DeviceProfile.esp8266()).withFirstAddress("127.42.0.253");

        assertEquals(List.of("127.42.0.253", "127.42.0.254", "127.42.1.1", "127.42.1.2"), hosts(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.0.0.1", "192.168.4.1", "126.255.255.254", "128.0.0.1", "0.0.0.0", "255.255.255.255" })
    void addressesOutsideLoopbackAreRefused(String address) {
        FleetSpec spec = FleetSpec.of(1, DeviceProfile.esp8266());

        assertThrows(IllegalArgumentException.class, () -> spec.withFirstAddress(address));
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.42.0.0", "127.42.0.255", "127.42.0.256", "999.0.0.1", "localhost", "::1", "127.1", "" })
    void unusableOrNonLiteralFirstAddressesAreRefused(String address) {
        FleetSpec spec = FleetSpec.of(1, DeviceProfile.esp8266());

        assertThrows(IllegalArgumentException.class, () -> spec.withFirstAddress(address));
    }

    @Test
    void aFleetThatWouldRunOffTheEndOfLoopbackIsRefused() {
        FleetSpec spec = FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress("127.255.255.250");

        assertEquals(List.of("127.255.255.250"), hosts(spec));
        assertThrows(IllegalArgumentException.class, () -> FleetSpec.of(10, DeviceProfile.esp8266())
                .withFirstAddress((Inet4Address) spec.firstAddress()));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1, FleetSpec.MAX_DEVICES + 1 })
    void theDeviceCountIsBounded(int count) {
        assertThrows(IllegalArgumentException.class, () -> FleetSpec.of(count, DeviceProfile.esp8266()));
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 65_536 })
    void thePortIsBounded(int port) {
        assertThrows(IllegalArgumentException.class, () -> FleetSpec.of(1, DeviceProfile.esp8266()).withPort(port));
    }

    private static List<String> hosts(FleetSpec spec) {
        return spec.addresses().stream().map(Inet4Address::getHostAddress).toList();
    }
}
