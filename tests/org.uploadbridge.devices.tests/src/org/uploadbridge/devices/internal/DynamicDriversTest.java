package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.SimulatedFleets;

/**
 * Firmware bundles come and go in a running installation: stopping the classic firmware's bundle
 * makes its devices unknown at once, starting it again makes them known, without a restart.
 */
class DynamicDriversTest {

    private static final int PORT = 18_904;
    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final Bundle classic = Arrays.stream(OsgiServices.context().getBundles())
            .filter(b -> b.getSymbolicName().equals("org.uploadbridge.firmware.classic")).findFirst().orElseThrow();
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    @AfterEach
    void restore() throws Exception {
        classic.start(); // whatever happened: the other tests need the classic firmware
        waitUntil("the classic driver to be back", this::classicInstalled);
    }

    @Test
    void stoppingAFirmwareBundleTakesItsDevicesAwayAndStartingItBringsThemBack() throws Exception {
        fleet = fleets.start(FleetSpec.of(1, DeviceProfile.esp32())
                .withFirstAddress("127.45.14.1").withPort(PORT));
        DeviceAddress device = new DeviceAddress("127.45.14.1", PORT);
        assertTrue(devices.identify(device).isPresent());

        classic.stop();
        waitUntil("the classic driver to go", () -> !classicInstalled());
        assertTrue(devices.identify(device).isEmpty(), "no installed firmware recognises the device");

        classic.start();
        waitUntil("the classic driver to come back", this::classicInstalled);
        assertEquals("classic", devices.identify(device).orElseThrow().firmwareId());
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Other firmware drivers (WLED) stay: only the classic one comes and goes here. */
    private boolean classicInstalled() {
        return devices.drivers().stream().anyMatch(driver -> "classic".equals(driver.firmwareId()));
    }
}
