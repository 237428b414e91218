package org.uploadbridge.testing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;

/**
 * The simulated fleets a test starts, each closed after the test, so no test leaves devices listening
 * on loopback for the next: {@code @RegisterExtension final SimulatedFleets fleets = new SimulatedFleets();}
 * then {@code fleets.start(FleetSpec.of(...))}.
 */
public final class SimulatedFleets implements AfterEachCallback {

    private final List<SimulatedFleet> started = new ArrayList<>();

    /** Starts {@code spec} with the simulator service; closed after the test. */
    public SimulatedFleet start(FleetSpec spec) {
        SimulatedFleet fleet = OsgiServices.await(DeviceSimulator.class).start(spec);
        started.add(fleet);
        return fleet;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
