package org.uploadbridge.simulator.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;

/** Starts fleets of simulated classic devices, each on its own Jetty server; closes them all on deactivation. */
@Component(service = DeviceSimulator.class)
public final class LoopbackDeviceSimulator implements DeviceSimulator {

    private final Set<JettyFleet> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger fleetNumbers = new AtomicInteger();

    @Activate
    public LoopbackDeviceSimulator() {
        // nothing to configure: every fleet brings its own spec
    }

    @Override
    public SimulatedFleet start(FleetSpec spec) {
        String threadName = "simulator-fleet-" + fleetNumbers.incrementAndGet();
        JettyFleet fleet = JettyFleet.start(spec, threadName, running::remove);
        running.add(fleet);
        return fleet;
    }

    @Deactivate
    void deactivate() {
        List.copyOf(running).forEach(JettyFleet::close);
    }
}
