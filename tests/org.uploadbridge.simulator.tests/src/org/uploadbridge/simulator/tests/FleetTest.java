package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;

/** Many devices on consecutive loopback addresses of one port, each on and offline on its own. */
class FleetTest {

    private static final int PORT = 18443;

    private static DeviceSimulator simulator;
    private final DeviceClient client = new DeviceClient();
    private final List<SimulatedFleet> fleets = new ArrayList<>();

    @BeforeAll
    static void simulator() {
        simulator = OsgiServices.await(DeviceSimulator.class);
    }

    @AfterEach
    void closeFleets() {
        fleets.forEach(SimulatedFleet::close);
    }

    private SimulatedFleet start(FleetSpec spec) {
        SimulatedFleet fleet = simulator.start(spec);
        fleets.add(fleet);
        return fleet;
    }

    @Test
    void sixtyFourDevicesEachAnswerWithTheirOwnAddress() throws Exception {
        SimulatedFleet fleet = start(FleetSpec.of(64, DeviceProfile.esp8266()).withPort(PORT));
        List<SimulatedDevice> devices = fleet.devices();
        assertEquals(64, devices.size());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ips = new ArrayList<>();
            for (SimulatedDevice device : devices) {
                ips.add(pool.submit(() -> client.get(device, "/api/status").json().get("ip").getAsString()));
            }
            for (int i = 0; i < devices.size(); i++) {
                String expected = "127.42.0." + (i + 1);
                assertEquals(expected, ips.get(i).get());
                assertEquals(new InetSocketAddress(expected, PORT), devices.get(i).address());
                assertEquals("sim-" + (i + 1), devices.get(i).name());
                assertEquals(1, devices.get(i).requestCount("/api/status"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiveHundredDevicesStartOnOneServerAndSpanSubnetsWithoutOctets0And255() throws IOException {
        SimulatedFleet fleet = start(FleetSpec.of(500, DeviceProfile.esp32()).withFirstAddress("127.44.0.1").withPort(PORT));

        List<SimulatedDevice> devices = fleet.devices();
        for (int i : new int[] { 0, 253, 254, 255, 499 }) {
            SimulatedDevice device = devices.get(i);
            assertEquals(device.address().getAddress().getHostAddress(),
                    client.get(device, "/api/status").json().get("ip").getAsString());
        }
        assertEquals("127.44.0.254", devices.get(253).address().getAddress().getHostAddress());
        assertEquals("127.44.1.1", devices.get(254).address().getAddress().getHostAddress());
        assertEquals("127.44.1.246", devices.get(499).address().getAddress().getHostAddress());
    }

    @Test
    void aStoppedDeviceRefusesConnectionsAndComesBackOnTheSameAddress() throws IOException {
        SimulatedFleet fleet = start(FleetSpec.of(3, DeviceProfile.esp8266()).withFirstAddress("127.42.30.1").withPort(PORT));
        SimulatedDevice device = fleet.device(1);
        assertEquals(200, client.upload(device, "kept.bin", NativePatterns.of(3, 3)).status());
        InetSocketAddress address = device.address();

        device.stop();

        assertFalse(device.isOnline());
        assertFalse(device.status().online());
        Reachability.assertRefused(client, device);
        assertEquals(200, client.get(fleet.device(0), "/api/status").status());
        assertEquals(200, client.get(fleet.device(2), "/api/status").status());

        device.start();

        assertTrue(device.isOnline());
        assertEquals(address, device.address());
        // Offline is a network fault, not a power cycle: the pattern is still there.
        assertEquals("Pattern Loaded", client.get(device, "/api/status").json().get("status").getAsString());
    }

    @Test
    void stopAndStartAreIdempotent() throws IOException {
        SimulatedFleet fleet = start(FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress("127.42.31.1").withPort(PORT));
        SimulatedDevice device = fleet.device(0);

        device.stop();
        device.stop();
        Reachability.assertRefused(client, device);
        device.start();
        device.start();

        assertEquals(200, client.get(device, "/api/status").status());
    }

    @Test
    void requestsThatReachTheDeviceAreCountedPerPathAndReset() throws IOException {
        SimulatedFleet fleet = start(FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress("127.42.32.1").withPort(PORT));
        SimulatedDevice device = fleet.device(0);

        for (int i = 0; i < 3; i++) {
            client.get(device, "/api/status");
        }
        client.upload(device, "bad.txt", new byte[4]);
        client.get(device, "/missing?x=1");
        device.stop();
        Reachability.assertRefused(client, device);
        device.start();

        assertEquals(5, device.requestCount());
        assertEquals(3, device.requestCount("/api/status"));
        assertEquals(1, device.requestCount("/api/upload"));
        assertEquals(1, device.requestCount("/missing"));
        assertEquals(0, device.requestCount("/api/library/list"));

        device.reset();

        assertEquals(0, device.requestCount());
        assertEquals(0, device.requestCount("/api/status"));
    }

    @Test
    void resetForgetsPatternsButLeavesTheDeviceOnline() throws IOException {
        SimulatedFleet fleet = start(FleetSpec.of(1, DeviceProfile.esp32()).withFirstAddress("127.42.33.1").withPort(PORT));
        SimulatedDevice device = fleet.device(0);
        client.upload(device, "p.bin", NativePatterns.of(2, 2));
        client.postJson(device, "/api/brightness", "{\"brightness\":3}");

        device.reset();

        assertEquals(List.of(), device.acceptedPatterns());
        assertFalse(device.status().patternLoaded());
        assertEquals(255, device.status().brightness());
        assertTrue(device.isOnline());
        assertEquals("No Pattern", client.get(device, "/api/status").json().get("status").getAsString());
    }

    @Test
    void anAddressInUseFailsTheWholeFleetAndLeavesTheOtherRunning() throws IOException {
        SimulatedFleet first = start(FleetSpec.of(2, DeviceProfile.esp8266()).withFirstAddress("127.42.34.2").withPort(PORT));

        // 127.42.34.1 is free, .2 is taken: nothing of the second fleet may stay behind.
        assertThrows(UncheckedIOException.class,
                () -> start(FleetSpec.of(2, DeviceProfile.esp8266()).withFirstAddress("127.42.34.1").withPort(PORT)));

        assertEquals(200, client.get(first.device(0), "/api/status").status());
        SimulatedFleet again = start(FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress("127.42.34.1").withPort(PORT));
        assertEquals(200, client.get(again.device(0), "/api/status").status());
    }

    @Test
    void aClosedFleetFreesItsAddresses() throws IOException {
        FleetSpec spec = FleetSpec.of(2, DeviceProfile.esp8266()).withFirstAddress("127.42.35.1").withPort(PORT);
        SimulatedFleet fleet = start(spec);
        SimulatedDevice device = fleet.device(0);

        fleet.close();
        fleet.close();

        Reachability.assertRefused(client, device);
        assertThrows(IllegalStateException.class, device::start);
        assertEquals(200, client.get(start(spec).device(1), "/api/status").status());
    }

    @Test
    void port0GivesEachDeviceAPortOfItsOwnThatSurvivesARestart() throws IOException {
        SimulatedFleet fleet = start(FleetSpec.of(2, DeviceProfile.esp8266()).withFirstAddress("127.42.36.1").withPort(0));
        SimulatedDevice device = fleet.device(0);
        int port = device.address().getPort();
        assertTrue(port > 0);

        device.stop();
        device.start();

        assertEquals(port, device.address().getPort());
        assertEquals(200, client.get(device, "/api/status").status());
    }

    @Test
    void addressesOutsideLoopbackAreRefusedBeforeAnythingListens() {
        for (String address : new String[] { "10.0.0.1", "192.168.4.1", "0.0.0.0", "128.0.0.1", "8.8.8.8" }) {
            assertThrows(IllegalArgumentException.class,
                    () -> simulator.start(FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress(address)), address);
        }
    }
}
