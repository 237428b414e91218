package org.uploadbridge.firmware.wled.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceTimeouts;
import org.uploadbridge.firmware.tck.ConformanceFleet;
import org.uploadbridge.firmware.tck.DriverConformanceTest;
import org.uploadbridge.firmware.tck.SimulatorFleet;
import org.uploadbridge.net.DeviceDatagrams;
import org.uploadbridge.net.DeviceHttp;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.testing.OsgiServices;

/** The WLED driver passes the conformance kit, against simulated WLED 0.15.0 devices. */
class WledDriverConformanceTest extends DriverConformanceTest {

    /** Each fleet gets its own /24: DDP listens on 4048 at each device's own address. */
    private static final AtomicInteger NEXT_SUBNET = new AtomicInteger();

    @Override
    protected DeviceDriver driver() {
        return OsgiServices.await(DeviceDriver.class, "(component.name=" + WledDriver.class.getName() + ")");
    }

    @Override
    protected DeviceDriver driver(DeviceTimeouts timeouts) {
        return new WledDriver(OsgiServices.await(DeviceHttp.class), OsgiServices.await(DeviceDatagrams.class), timeouts, Map.of());
    }

    @Override
    protected ConformanceFleet startDevices(int count) {
        return SimulatorFleet.start(OsgiServices.await(DeviceSimulator.class),
                FleetSpec.of(count, DeviceProfile.wled(WledRelease.V0_15_0)).withFirstAddress(nextSubnet()).withPort(0));
    }

    static String nextSubnet() {
        return "127.48." + NEXT_SUBNET.getAndIncrement() + ".1";
    }

    @Override
    protected Set<Capability> missingCapabilities() {
        return EnumSet.of(Capability.SCHEDULE);
    }
}
