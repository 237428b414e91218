package org.uploadbridge.firmware.wled.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.devices.BrowseSummary;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.testing.LoopbackMdns;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.validation.address.PolicyMode;

/** WLED devices announce {@code _wled._tcp}; browsing finds each once, recognised by the WLED driver. */
class WledMdnsDiscoveryTest {

    @Test
    void announcedWledDevicesAreFoundAsWled() throws Exception {
        LoopbackMdns.assumeAvailable();
        // given: three WLED devices, announced on loopback
        DeviceSimulator simulator = OsgiServices.await(DeviceSimulator.class);
        try (SimulatedFleet fleet = simulator.start(FleetSpec.of(3, DeviceProfile.wled(WledRelease.V0_14_4))
                .withFirstAddress("127.46.200.1").withPort(0));
                MdnsAdvertisement advertised = simulator.advertiseMdns(fleet)) {
            LoopbackMdns.awaitAnnounced(MdnsAdvertisement.WLED_SERVICE, 3, Duration.ofSeconds(20));
            // when
            BrowseSummary summary = OsgiServices.await(DeviceDiscovery.class).browse(Duration.ofSeconds(3), PolicyMode.LAN_ONLY,
                    found -> { }, () -> false);
            // then: each once (announced as _wled._tcp and _http._tcp), as WLED
            List<DeviceStatus> ours = summary.devices().stream()
                    .filter(status -> status.address().host().startsWith("127.46.200.")).toList();
            assertEquals(3, ours.size(), summary.devices().toString());
            assertTrue(ours.stream().allMatch(status -> "wled".equals(status.firmwareId())), ours.toString());
            assertTrue(ours.stream().allMatch(status -> status.macAddress().isPresent()), "MACs for merging with a scan");
        }
    }
}
