package org.uploadbridge.ui.internal.devices;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.time.Duration;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.testing.SimulatedFleets;

/** WLED devices in the Devices view: found, a pattern streamed to them, and the light's controls from the context menu. */
class WledDevicesUiTest {

    private static final int PORT = 18_720;
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;


    @Test
    void aPatternStreamsToWledAndTheContextMenuTurnsItOff() throws Exception {
        // given: two WLED devices in the view
        fleet = fleets.start(FleetSpec.of(2,
                DeviceProfile.wled(WledSettings.of(WledRelease.V0_15_0).withLedCount(150))).withFirstAddress("127.49.8.1").withPort(PORT));
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        view.discover("127.49.8.0/29", PORT, false);
        waitUntil("both WLED devices online", Duration.ofSeconds(30), () -> view.rows().stream()
                .filter(r -> r.address().host().startsWith("127.49.8.") && r.state() == DeviceRow.State.ONLINE
                        && r.status().map(s -> "wled".equals(s.firmwareId())).orElse(false)).count() == 2);
        List<DeviceAddress> targets = fleet.devices().stream()
                .map(d -> new DeviceAddress(d.address().getAddress().getHostAddress(), PORT)).toList();
        // when: uploaded, which streams it
        view.upload(RepositoryFiles.sample("pulse_square.bin"), targets);
        // then
        waitUntil("both rows to show the streamed pattern", Duration.ofSeconds(30), () -> view.rows().stream()
                .filter(r -> targets.contains(r.address())).allMatch(r -> "100 LEDs x 5 frames".equals(r.patternText())));
        for (var device : fleet.devices()) {
            assertTrue(((WledDevice) device).frames().size() >= 5, device.name() + " showed the frames");
        }
        // when: Turn Off from the context menu
        view.select(targets);
        ((ActionContributionItem) view.controls().find("org.uploadbridge.ui.devices.turn-off")).getAction().run();
        // then: dark, and no pattern playing any more
        waitUntil("both lights off", Duration.ofSeconds(20),
                () -> fleet.devices().stream().noneMatch(device -> ((WledDevice) device).isOn()));
        waitUntil("the rows to show that nothing plays", Duration.ofSeconds(20), () -> view.rows().stream()
                .filter(r -> targets.contains(r.address())).noneMatch(r -> "100 LEDs x 5 frames".equals(r.patternText())));
    }
}
