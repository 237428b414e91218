package org.uploadbridge.net.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.MdnsBrowser;
import org.uploadbridge.net.MdnsSighting;
import org.uploadbridge.net.internal.JmdnsBrowser;
import org.uploadbridge.testing.LoopbackMdns;
import org.uploadbridge.testing.OsgiServices;

/**
 * The mDNS browser against services a real JmDNS responder announces on loopback. Needs loopback
 * multicast (as root: {@code ip link set lo multicast on}, which CI does); nothing leaves the machine.
 */
class MdnsBrowserTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static JmDNS responder;

    @BeforeAll
    static void announce() throws IOException {
        if (!LoopbackMdns.available()) {
            return;
        }
        responder = LoopbackMdns.responder("mdns-test-device");
        responder.registerService(ServiceInfo.create("_wled._tcp.local.", "kitchen", 18081, 0, 0,
                Map.of("mac", "A1B2C3D4E5F6")));
        responder.registerService(ServiceInfo.create("_http._tcp.local.", "kitchen", 18081, 0, 0,
                Map.of("mac", "a1:b2:c3:d4:e5:f6")));
        responder.registerService(ServiceInfo.create("_printer._tcp.local.", "office-printer", 631, ""));
        LoopbackMdns.awaitAnnounced("_wled._tcp.local.", 1, Duration.ofSeconds(20));
    }

    @AfterAll
    static void goodbye() throws IOException {
        if (responder != null) {
            responder.close();
        }
    }

    @Test
    void findsTheDeviceServicesAnnouncedOnLoopbackWithTheirMacButNotOtherServices() throws Exception {
        LoopbackMdns.assumeAvailable();
        List<MdnsSighting> streamed = new CopyOnWriteArrayList<>();
        List<MdnsSighting> sightings = new JmdnsBrowser("lo").browse(MdnsBrowser.DEVICE_SERVICE_TYPES, WINDOW,
                streamed::add, () -> false);

        assertEquals(sightings, List.copyOf(streamed), "each sighting is streamed once, in order");
        assertTrue(sightings.stream().noneMatch(s -> s.serviceType().startsWith("_printer")), "not other services: " + sightings);
        // Other programs on this machine (a running simulator, another build) may announce on loopback too: only ours count.
        List<MdnsSighting> ours = sightings.stream().filter(s -> s.port() == 18081).toList();
        assertEquals(Set.of("_wled._tcp.local.", "_http._tcp.local."),
                ours.stream().map(MdnsSighting::serviceType).collect(Collectors.toSet()));
        for (MdnsSighting sighting : ours) {
            assertEquals("kitchen", sighting.instanceName());
            assertEquals("127.0.0.1", sighting.address());
            assertEquals(18081, sighting.port());
            assertEquals(Optional.of("a1:b2:c3:d4:e5:f6"), sighting.macAddress(), "both spellings of the MAC normalise");
        }
    }

    @Test
    void theServiceBrowsesTheInterfacesTheTestRuntimeNames() throws Exception {
        LoopbackMdns.assumeAvailable();
        MdnsBrowser browser = OsgiServices.await(MdnsBrowser.class);
        List<MdnsSighting> sightings = browser.browse(List.of("_wled._tcp.local."), WINDOW, s -> { }, () -> false);
        assertEquals(1, sightings.stream().filter(s -> s.port() == 18081).count(), sightings.toString());
    }

    @Test
    void cancellingEndsTheBrowseAtOnce() throws Exception {
        LoopbackMdns.assumeAvailable();
        long start = System.nanoTime();
        new JmdnsBrowser("lo").browse(MdnsBrowser.DEVICE_SERVICE_TYPES, Duration.ofMinutes(5), s -> { }, () -> true);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMinutes(1)) < 0,
                "a cancelled browse does not wait out its window");
    }

    @Test
    void anInterfaceThatDoesNotExistIsACataloguedError() {
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> new JmdnsBrowser("nosuch0")
                .browse(MdnsBrowser.DEVICE_SERVICE_TYPES, WINDOW, s -> { }, () -> false));
        assertEquals(DeviceError.MDNS_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("nosuch0"), e.getMessage());
    }

    @Test
    void macAddressesThatAreNotSixBytesAreIgnored() {
        assertEquals(Optional.empty(), sighting("12:34").macAddress());
        assertEquals(Optional.empty(), sighting("").macAddress());
        assertEquals(Optional.of("00:11:22:aa:bb:cc"), sighting("00-11-22-AA-BB-CC").macAddress());
    }

    private static MdnsSighting sighting(String mac) {
        return new MdnsSighting("_http._tcp.local.", "x", "x.local.", "192.168.1.2", 80, Map.of("mac", mac));
    }
}
