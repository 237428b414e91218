package org.uploadbridge.simulator.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.uploadbridge.core.io.WorkspaceFiles;
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

    private final RunningFleets listed;

    @Activate
    public LoopbackDeviceSimulator(BundleContext context) {
        this(new RunningFleets(WorkspaceFiles.pluginFile(context.getProperty(WorkspaceFiles.INSTANCE_AREA),
                "org.uploadbridge.simulator", "running").map(java.nio.file.Path::getParent)));
    }

    LoopbackDeviceSimulator(RunningFleets listed) {
        this.listed = listed;
    }

    @Override
    public SimulatedFleet start(FleetSpec spec) {
        int number = fleetNumbers.incrementAndGet();
        String threadName = "simulator-fleet-" + number;
        java.util.concurrent.atomic.AtomicReference<Optional<java.nio.file.Path>> file = new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
        JettyFleet fleet = JettyFleet.start(spec, threadName, closed -> {
            running.remove(closed);
            listed.unregister(file.get());
        });
        running.add(fleet);
        file.set(listed.register(fleet, number));
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
        return RunningFleets.contains(running, address) || listed.otherProcesses().contains(RunningFleets.key(address));
    }

    @Deactivate
    void deactivate() {
        // Goodbyes first, while the fleets' devices still know their addresses.
        List.copyOf(advertising).forEach(MdnsResponder::close);
        List.copyOf(running).forEach(JettyFleet::close);
    }
}
