package org.example.firmware.hello.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.osgi.util.tracker.ServiceTracker;
import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.firmware.tck.ConformanceFleet;
import org.uploadbridge.firmware.tck.DriverConformanceTest;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.testing.OsgiServices;

/** The hello driver passes the conformance kit, against simulated hello devices on loopback. */
class HelloDriverConformanceTest extends DriverConformanceTest {

    /** Every driver DS registered; open during the test, so SCR keeps the delayed components active. */
    private final ServiceTracker<DeviceDriver, DeviceDriver> drivers =
            new ServiceTracker<>(OsgiServices.context(), DeviceDriver.class, null);

    HelloDriverConformanceTest() {
        drivers.open();
    }

    @AfterEach
    void closeTracker() {
        drivers.close();
    }

    @Override
    protected DeviceDriver driver() {
        // Other firmwares' drivers run beside it: take ours by its firmware id, as DS registered it.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (DeviceDriver driver : drivers.getServices(new DeviceDriver[0])) {
                if (HelloDriver.FIRMWARE_ID.equals(driver.firmwareId())) {
                    return driver;
                }
            }
            try {
                drivers.waitForService(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the hello driver", e);
            }
        }
        throw new AssertionError("no hello DeviceDriver service within 10 s: is the sample bundle started, with SCR?");
    }

    @Override
    protected DeviceDriver driver(DeviceTimeouts timeouts) {
        return new HelloDriver(OsgiServices.await(DeviceHttp.class), timeouts);
    }

    @Override
    protected ConformanceFleet startDevices(int count) {
        return HelloFleet.start(count);
    }

    @Override
    protected Set<Capability> missingCapabilities() {
        return EnumSet.complementOf(EnumSet.of(Capability.STATUS, Capability.UPLOAD));
    }
}
