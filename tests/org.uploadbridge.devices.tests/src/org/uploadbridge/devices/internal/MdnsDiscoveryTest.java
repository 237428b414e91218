package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.LoadedPatternInfo;
import org.uploadbridge.devices.BrowseSummary;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DiscoveredDevices;
import org.uploadbridge.devices.DiscoveredDevices.Source;
import org.uploadbridge.devices.DiscoverySummary;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.LoopbackMdns;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * Discovery by mDNS, and merged with a scan: a simulated device on 127.0.0.1 announced by a real
 * JmDNS responder (loopback only), beside a web server that announces {@code _http._tcp} but is no
 * device. Needs loopback multicast (as root: {@code ip link set lo multicast on}; CI does).
 */
class MdnsDiscoveryTest {

    private static final int DEVICE_PORT = 18631;
    private static final int NOT_A_DEVICE_PORT = 18632;
    private static final Duration WINDOW = Duration.ofSeconds(3);

    private static SimulatedFleet fleet;
    private static JmDNS responder;
    private final DeviceDiscovery discovery = OsgiServices.await(DeviceDiscovery.class);

    @BeforeAll
    static void announce() throws IOException {
        if (!LoopbackMdns.available()) {
            return;
        }
        DeviceSimulator simulator = OsgiServices.await(DeviceSimulator.class);
        fleet = simulator.start(new FleetSpec(1, DeviceProfile.esp32(), (Inet4Address) InetAddress.getByName("127.0.0.1"),
                DEVICE_PORT, "mdns-"));
        responder = LoopbackMdns.responder("mdns-discovery-test");
        responder.registerService(ServiceInfo.create("_http._tcp.local.", "mdns-1", DEVICE_PORT, 0, 0, Map.of("mac", "02:42:00:00:00:01")));
        responder.registerService(ServiceInfo.create("_arduino._tcp.local.", "mdns-1", DEVICE_PORT, 0, 0, Map.of("board", "esp32")));
        // Something that announces a web server but is no LED controller: nothing listens there.
        responder.registerService(ServiceInfo.create("_http._tcp.local.", "office-printer", NOT_A_DEVICE_PORT, ""));
        LoopbackMdns.awaitAnnounced("_http._tcp.local.", 2, Duration.ofSeconds(20));
        LoopbackMdns.awaitAnnounced("_arduino._tcp.local.", 1, Duration.ofSeconds(20));
    }

    @AfterAll
    static void goodbye() throws IOException {
        if (responder != null) {
            responder.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void browsingFindsTheAnnouncedDeviceOnceAndSkipsWhatIsNoDevice() throws Exception {
        LoopbackMdns.assumeAvailable();
        List<DeviceStatus> streamed = new CopyOnWriteArrayList<>();
        BrowseSummary summary = discovery.browse(WINDOW, PolicyMode.LAN_ONLY, streamed::add, () -> false);

        // Other programs on this machine (a running simulator, another build) may announce on loopback too: only ours count.
        assertTrue(summary.sightings() >= 3, "two service types of the device, one of the printer: " + summary.sightings());
        assertEquals(0, summary.refused());
        List<DeviceStatus> ours = summary.devices().stream().filter(d -> d.address().port() == DEVICE_PORT).toList();
        assertEquals(1, ours.size(), "announced twice, asked once; the printer is no device");
        DeviceStatus device = ours.get(0);
        assertEquals(new DeviceAddress("127.0.0.1", DEVICE_PORT), device.address());
        assertEquals("classic", device.firmwareId());
        assertEquals(summary.devices(), streamed);
    }

    @Test
    void aScanAndABrowseAtOnceReportTheDeviceOnceWithBothSources() throws Exception {
        LoopbackMdns.assumeAvailable();
        List<DiscoveredDevices.Found> streamed = new CopyOnWriteArrayList<>();
        DiscoverySummary summary = discovery.discover("127.0.0.1/32", DEVICE_PORT, WINDOW, PolicyMode.LAN_ONLY,
                streamed::add, () -> false);

        List<DiscoveredDevices.Found> ours = summary.devices().stream().filter(f -> f.status().address().port() == DEVICE_PORT).toList();
        assertEquals(1, ours.size(), summary.devices().toString());
        assertEquals(Set.of(Source.SCAN, Source.MDNS), ours.get(0).sources());
        assertEquals(1, streamed.stream().filter(f -> f.status().address().port() == DEVICE_PORT).count(),
                "a device found twice is reported once");
        assertTrue(summary.scan().isPresent() && summary.browse().isPresent() && summary.mdnsProblem().isEmpty());
    }

    @Test
    void devicesReportingTheSameMacAreOneDeviceWhateverTheAddress() {
        DiscoveredDevices merged = new DiscoveredDevices();
        assertTrue(merged.add(status("192.168.1.20", Optional.of("aa:bb:cc:dd:ee:ff")), Source.SCAN).isPresent());
        assertTrue(merged.add(status("192.168.2.20", Optional.of("aa:bb:cc:dd:ee:ff")), Source.MDNS).isEmpty(),
                "the same controller seen on a second interface");
        assertTrue(merged.add(status("192.168.1.21", Optional.empty()), Source.MDNS).isPresent());
        assertTrue(merged.add(status("192.168.1.21", Optional.empty()), Source.SCAN).isEmpty(), "no MAC: merged by address");

        assertEquals(2, merged.devices().size());
        assertEquals(Set.of(Source.SCAN, Source.MDNS), merged.devices().get(0).sources());
        assertEquals("192.168.1.20", merged.devices().get(0).status().address().host(), "the first sighting's address stays");
    }

    private static DeviceStatus status(String host, Optional<String> mac) {
        return new DeviceStatus(new DeviceAddress(host, 80), "classic", host, Optional.empty(), mac, OptionalInt.empty(),
                OptionalLong.empty(), LoadedPatternInfo.none(), "", Set.of());
    }
}
