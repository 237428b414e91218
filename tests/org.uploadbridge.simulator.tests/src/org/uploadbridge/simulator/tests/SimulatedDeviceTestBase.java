package org.uploadbridge.simulator.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;

/** The simulator service, an HTTP client for devices, and a fleet each test starts and that is closed after it. */
abstract class SimulatedDeviceTestBase {

    static DeviceSimulator simulator;
    final DeviceClient client = new DeviceClient();
    SimulatedFleet fleet;

    @BeforeAll
    static void findSimulator() {
        simulator = OsgiServices.await(DeviceSimulator.class);
    }

    @AfterEach
    void closeFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }
}
