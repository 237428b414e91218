package org.uploadbridge.simulator.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * Starts fleets of simulated classic devices, each on its own Jetty server, and mDNS answers for
 * them; closes them all on deactivation.
 */
@Component(service = DeviceSimulator.class)
public final class LoopbackDeviceSimulator implements DeviceSimulator {

    private final Set<JettyFleet> running = ConcurrentHashMap.newKeySet();
    private final Set<MdnsResponder> advertising = ConcurrentHashMap.newKeySet();
    private final AtomicInteger fleetNumbers = new AtomicInteger();
    private final AtomicInteger advertisementNumbers = new AtomicInteger();

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

    @Override
    public MdnsAdvertisement advertiseMdns(SimulatedFleet fleet) {
        String threadName = "simulator-mdns-" + advertisementNumbers.incrementAndGet();
        MdnsResponder responder = MdnsResponder.start(fleet, threadName, advertising::remove);
        advertising.add(responder);
        return responder;
    }

    @Override
    public boolean simulates(InetSocketAddress address) {
        return running.stream().flatMap(fleet -> fleet.devices().stream()).anyMatch(device -> device.address().equals(address));
    }

    @Deactivate
    void deactivate() {
        // Goodbyes first, while the fleets' devices still know their addresses.
        List.copyOf(advertising).forEach(MdnsResponder::close);
        List.copyOf(running).forEach(JettyFleet::close);
    }
}
