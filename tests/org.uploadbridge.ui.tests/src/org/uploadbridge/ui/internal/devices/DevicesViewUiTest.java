package org.uploadbridge.ui.internal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.time.Duration;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.testing.SimulatedFleets;

/** The Devices view discovers simulated devices and uploads a pattern to them, as Jobs. */
class DevicesViewUiTest {

    private static final int PORT = 18_700;
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;


    @Test
    void discoversSimulatedDevicesAndUploadsToThem() throws Exception {
        fleet = fleets.start(FleetSpec.of(4, DeviceProfile.esp32()).withFirstAddress("127.49.0.1").withPort(PORT));
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);

        view.discover("127.49.0.0/24", PORT, false);
        waitUntil("four devices online in the Devices view", Duration.ofSeconds(30), () -> view.rows().stream()
                .filter(r -> r.address().host().startsWith("127.49.0.") && r.state() == DeviceRow.State.ONLINE).count() == 4);

        List<DeviceAddress> targets = fleet.devices().stream()
                .map(d -> new DeviceAddress(d.address().getAddress().getHostAddress(), PORT)).toList();
        view.upload(RepositoryFiles.sample("nebula_grid.bin"), targets);
        waitUntil("every device to show the uploaded pattern", Duration.ofSeconds(30), () -> view.rows().stream()
                .filter(r -> targets.contains(r.address())).allMatch(r -> "98 LEDs x 11 frames".equals(r.patternText())));
        for (SimulatedDevice device : fleet.devices()) {
            assertEquals(1, device.acceptedPatterns().size(), device.name());
        }
        assertTrue(view.rows().stream().filter(r -> targets.contains(r.address())).allMatch(r -> r.lastSeen() != null));
    }

    @Test
    void theDiscoverDialogNeedsASubnetOrMdnsAndReturnsTheChoice() throws Exception {
        DiscoverDialog dialog = new DiscoverDialog(page().getWorkbenchWindow().getShell(),
                new DiscoverDialog.Choice(null, 80, false));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Button ok = dialog.okButton();
            assertFalse(ok.isEnabled(), "neither a subnet nor mDNS: nothing to do");
            dialog.subnetField().setText("192.168.1.0");
            assertFalse(ok.isEnabled(), "a subnet needs its prefix length");
            dialog.subnetField().setText("192.168.1.0/24");
            assertTrue(ok.isEnabled());
            dialog.subnetField().setText("");
            dialog.mdnsButton().setSelection(true);
            dialog.mdnsButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(ok.isEnabled(), "mDNS alone is a discovery");
            ok.notifyListeners(SWT.Selection, new Event());
            assertEquals(new DiscoverDialog.Choice(null, 80, true), dialog.choice());
        } finally {
            dialog.close();
        }
    }

    @Test
    void theLimitsDialogStartsFromAProfileAndTheViewKeepsWhatWasChosen() throws Exception {
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        DeviceAddress address = new DeviceAddress("127.49.9.9", PORT);
        LimitsDialog dialog = new LimitsDialog(page().getWorkbenchWindow().getShell(), address.toString(), DeviceLimits.none());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.profileCombo().select(1);
            dialog.profileCombo().notifyListeners(SWT.Selection, new Event());
            assertEquals("1000", dialog.maxLedsField().getText(), "the ESP8266 profile fills the fields");
            dialog.maxLedsField().setText("many");
            assertFalse(dialog.okButton().isEnabled(), "not a number");
            dialog.maxLedsField().setText("300");
            dialog.okButton().notifyListeners(SWT.Selection, new Event());
            assertEquals(DeviceLimits.esp8266().withMaxLeds(300), dialog.limits());
        } finally {
            dialog.close();
        }
        DeviceRegistry registry = OsgiServices.await(DeviceRegistry.class);
        try {
            view.assumeLimits(List.of(address), dialog.limits());
            assertEquals(dialog.limits(), registry.find(address).orElseThrow().assumedLimits());
            assertTrue(view.rows().stream().anyMatch(r -> r.address().equals(address)), "the device joins the list");
        } finally {
            registry.remove(address);
        }
    }
}
