package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import javax.jmdns.ServiceTypeListener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;

/** A fleet answers mDNS on loopback, as a real JmDNS browser bound to 127.0.0.1 sees it. */
class MdnsAdvertisementTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18445;
    private static final String FIRST_ADDRESS = "127.42.20.1";
    private static final String HTTP = MdnsAdvertisement.HTTP_SERVICE;
    private static final String ARDUINO = MdnsAdvertisement.ARDUINO_SERVICE;
    /** Names no other test run on this host announces: multicast on lo is shared by every process. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String prefix = "m" + ProcessHandle.current().pid() + "t" + RUNS.incrementAndGet() + "-";
    private MdnsAdvertisement advertisement;
    private MdnsBrowser browser;

    @BeforeAll
    static void needsLoopbackMulticast() {
        Assumptions.assumeTrue(MdnsAdvertisement.loopbackMulticastAvailable(),
                "the loopback interface has no MULTICAST flag; run: ip link set lo multicast on");
    }

    @AfterEach
    void closeAdvertisementAndBrowser() throws IOException {
        if (advertisement != null) {
            advertisement.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    private List<SimulatedDevice> advertise(int count, DeviceProfile profile) throws IOException {
        fleet = simulator.start(FleetSpec.of(count, profile).withFirstAddress(FIRST_ADDRESS).withPort(PORT)
                .withNamePrefix(prefix));
        advertisement = simulator.advertiseMdns(fleet);
        return fleet.devices();
    }

    /** Opened after what a test changes: a new browser has heard nothing before. */
    private MdnsBrowser browse() throws IOException {
        browser = MdnsBrowser.open();
        return browser;
    }

    @Test
    void everyDeviceResolvesWithItsOwnAddressPortAndMac() throws IOException {
        List<SimulatedDevice> devices = advertise(5, DeviceProfile.esp8266());

        Map<String, ServiceInfo> found = browse().await(HTTP, prefix, 5);

        assertEquals(names(devices), found.keySet());
        for (SimulatedDevice device : devices) {
            ServiceInfo info = found.get(device.name());
            assertArrayEquals(new InetAddress[] { device.address().getAddress() }, info.getInet4Addresses());
            assertEquals(PORT, info.getPort());
            assertEquals(device.name() + ".local.", info.getServer());
            assertEquals(device.mac(), info.getPropertyString("mac"));
            assertEquals("classic", info.getPropertyString("fw"));
        }
        assertEquals("02:2a:14:01:48:0d", devices.get(0).mac(), "02, then 42.20.1 and port 18445");
        // Nothing more comes in later: exactly the fleet.
        assertEquals(names(devices), browser.list(HTTP, prefix).keySet());
    }

    @ParameterizedTest
    @CsvSource({ "esp8266, 8266", "esp32, 3232" })
    void theArduinoServiceResolvesWithTheChipsOtaPort(String profile, int otaPort) throws IOException {
        List<SimulatedDevice> devices = advertise(3, DeviceProfile.byName(profile));

        Map<String, ServiceInfo> found = browse().await(ARDUINO, prefix, 3);

        assertEquals(names(devices), found.keySet());
        for (SimulatedDevice device : devices) {
            ServiceInfo info = found.get(device.name());
            assertArrayEquals(new InetAddress[] { device.address().getAddress() }, info.getInet4Addresses());
            assertEquals(otaPort, info.getPort());
            assertEquals(device.mac(), info.getPropertyString("mac"));
            assertEquals(profile, info.getPropertyString("board"));
        }
    }

    @Test
    void wledDevicesAnnounceTheWledService() throws IOException {
        List<SimulatedDevice> devices = advertise(2, DeviceProfile.wled(WledSettings.of(WledRelease.V0_15_0).withDdpPort(0)));

        Map<String, ServiceInfo> found = browse().await(MdnsAdvertisement.WLED_SERVICE, prefix, 2);

        assertEquals(names(devices), found.keySet());
        for (SimulatedDevice device : devices) {
            ServiceInfo info = found.get(device.name());
            assertArrayEquals(new InetAddress[] { device.address().getAddress() }, info.getInet4Addresses());
            assertEquals(PORT, info.getPort(), "WLED announces its web port");
            assertEquals(device.mac().replace(":", ""), info.getPropertyString("mac"));
        }
        assertTrue(browser.list(ARDUINO, prefix).isEmpty(), "no classic ArduinoOTA service");
    }

    @Test
    void aStoppedDeviceIsNotAnsweredForUntilItStartsAgain() throws IOException {
        List<SimulatedDevice> devices = advertise(5, DeviceProfile.esp8266());
        SimulatedDevice stopped = devices.get(2);
        stopped.stop();
        browse();

        Set<String> expected = names(devices);
        expected.remove(stopped.name());
        assertEquals(expected, browser.await(HTTP, prefix, 4).keySet());
        assertNull(browser.jmdns().getServiceInfo(HTTP, stopped.name(), 1_500));
        assertEquals(expected, browser.list(HTTP, prefix).keySet());

        stopped.start();
        ServiceInfo back = browser.jmdns().getServiceInfo(HTTP, stopped.name(), MdnsBrowser.DEADLINE_MS);
        assertEquals(stopped.address().getAddress(), back.getInet4Addresses()[0]);
    }

    @Test
    void afterCloseNothingAnswers() throws IOException {
        List<SimulatedDevice> devices = advertise(3, DeviceProfile.esp8266());
        advertisement.close();
        advertisement.close();
        browse();

        assertEquals(Map.of(), browser.list(HTTP, prefix));
        assertNull(browser.jmdns().getServiceInfo(HTTP, devices.get(0).name(), 1_500));
        assertEquals(Map.of(), browser.list(ARDUINO, prefix));
    }

    @Test
    void closingSaysGoodbyeToABrowserThatHasTheDevices() throws Exception {
        List<SimulatedDevice> devices = advertise(3, DeviceProfile.esp8266());
        browse();
        Set<String> removed = ConcurrentHashMap.newKeySet();
        CountDownLatch allRemoved = new CountDownLatch(3);
        browser.jmdns().addServiceListener(HTTP, new ServiceListener() {
            @Override
            public void serviceAdded(ServiceEvent event) {
                // resolved through list() below
            }

            @Override
            public void serviceRemoved(ServiceEvent event) {
                if (event.getName().startsWith(prefix) && removed.add(event.getName())) {
                    allRemoved.countDown();
                }
            }

            @Override
            public void serviceResolved(ServiceEvent event) {
                // counted through list() below
            }
        });
        assertEquals(names(devices), browser.await(HTTP, prefix, 3).keySet());

        advertisement.close();

        // JmDNS drops a record 1 s after its goodbye, at its next cache sweep (every 10 s).
        assertTrue(allRemoved.await(MdnsBrowser.DEADLINE_MS + 10_000, TimeUnit.MILLISECONDS), "removed: " + removed);
        assertEquals(names(devices), removed);
    }

    @Test
    void theServiceTypesAreListed() throws Exception {
        advertise(1, DeviceProfile.esp8266());
        // Past the second announcement: only answers to the browser's own queries can name the types.
        Thread.sleep(1_500);
        browse();
        Set<String> types = ConcurrentHashMap.newKeySet();
        CountDownLatch both = new CountDownLatch(1);
        browser.jmdns().addServiceTypeListener(new ServiceTypeListener() {
            @Override
            public void serviceTypeAdded(ServiceEvent event) {
                types.add(event.getType());
                if (types.containsAll(Set.of(HTTP, ARDUINO))) {
                    both.countDown();
                }
            }

            @Override
            public void subTypeForServiceTypeAdded(ServiceEvent event) {
                // no subtypes
            }
        });

        assertTrue(both.await(MdnsBrowser.DEADLINE_MS, TimeUnit.MILLISECONDS), "types: " + types);
    }

    @Test
    void itSendsOnTheLoopbackInterfaceOnly() throws IOException {
        advertise(1, DeviceProfile.esp8266());

        NetworkInterface sendsOn = advertisement.networkInterface();

        assertTrue(sendsOn.isLoopback(), sendsOn + " is not the loopback interface");
        assertEquals(NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1")), sendsOn);
        assertTrue(sendsOn.inetAddresses().allMatch(InetAddress::isLoopbackAddress), "addresses of " + sendsOn);
        assertEquals(fleet, advertisement.fleet());
    }

    @Test
    void aDeviceNameThatIsNoHostNameIsRefused() {
        fleet = simulator.start(FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress(FIRST_ADDRESS).withPort(PORT)
                .withNamePrefix("not_a_host-"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> simulator.advertiseMdns(fleet));

        assertTrue(refused.getMessage().contains("not_a_host-1"), refused.getMessage());
        assertFalse(fleet.devices().isEmpty());
    }

    private static Set<String> names(List<SimulatedDevice> devices) {
        Set<String> names = new TreeSet<>();
        devices.forEach(device -> names.add(device.name()));
        return names;
    }
}
