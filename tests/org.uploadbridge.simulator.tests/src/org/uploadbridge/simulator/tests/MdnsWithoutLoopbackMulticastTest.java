package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.MdnsAdvertisement;

/** Only where loopback has no MULTICAST flag (Linux's default): advertising says how to turn it on. */
class MdnsWithoutLoopbackMulticastTest extends SimulatedDeviceTestBase {

    @Test
    void advertisingFailsWithTheCommandThatFixesIt() {
        Assumptions.assumeFalse(MdnsAdvertisement.loopbackMulticastAvailable(), "loopback has multicast here");
        fleet = simulator.start(FleetSpec.of(1, DeviceProfile.esp8266()).withFirstAddress("127.42.21.1").withPort(18445));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> simulator.advertiseMdns(fleet));

        assertTrue(refused.getMessage().contains("ip link set lo multicast on"), refused.getMessage());
    }
}
