package org.uploadbridge.firmware.classic.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.firmware.tck.SimulatorFleet;
import org.uploadbridge.firmware.tck.ConformanceFleet;
import org.uploadbridge.firmware.tck.DriverConformanceTest;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.testing.OsgiServices;

/** The classic driver passes the conformance kit, against plain ESP8266 builds of the classic simulator. */
class ClassicDriverConformanceTest extends DriverConformanceTest {

    /** Each fleet gets its own /24, so the driver's per-address capability cache never sees a stale device. */
    private static final AtomicInteger NEXT_SUBNET = new AtomicInteger();

    @Override
    protected DeviceDriver driver() {
        return OsgiServices.await(DeviceDriver.class, "(component.name=" + ClassicDriver.class.getName() + ")");
    }

    @Override
    protected DeviceDriver driver(DeviceTimeouts timeouts) {
        return new ClassicDriver(OsgiServices.await(DeviceHttp.class), timeouts);
    }

    @Override
    protected ConformanceFleet startDevices(int count) {
        return SimulatorFleet.start(OsgiServices.await(DeviceSimulator.class),
                FleetSpec.of(count, DeviceProfile.esp8266()).withFirstAddress(nextSubnet()).withPort(0));
    }

    private static String nextSubnet() {
        return "127.46." + NEXT_SUBNET.getAndIncrement() + ".1";
    }

    @Override
    protected Set<Capability> missingCapabilities() {
        // The plain sketch has only /api/status and /api/upload.
        return EnumSet.complementOf(EnumSet.of(Capability.STATUS, Capability.UPLOAD));
    }
}
