package org.uploadbridge.ui.internal.devices;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;

/**
 * Firmware bundles come and go in a running workbench (DS dynamics): stopping or uninstalling the
 * classic firmware's bundle marks its devices in the Devices view as having no driver, starting or
 * installing it again brings them back with their status, without a restart.
 */
class FirmwareBundleDynamicsUiTest {

    private static final String CLASSIC = "org.uploadbridge.firmware.classic";
    private static final int PORT = 18_740;
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final BundleContext context = OsgiServices.context();
    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final String location = classic().orElseThrow().getLocation();
    private SimulatedFleet fleet;
    private List<DeviceAddress> addresses = List.of();

    @AfterEach
    void restore() throws Exception {
        try {
            // Whatever happened: the other UI tests need the classic firmware installed and started.
            Bundle bundle = classic().isPresent() ? classic().get() : context.installBundle(installable(location));
            bundle.start();
            waitUntil("the classic driver to be back", DEADLINE, () -> !devices.drivers().isEmpty());
        } finally {
            DeviceRegistry registry = OsgiServices.await(DeviceRegistry.class);
            for (DeviceAddress address : addresses) {
                registry.remove(address);
            }
            if (fleet != null) {
                fleet.close();
            }
        }
    }

    @Test
    void stoppingOrUninstallingTheFirmwareBundleMarksItsDevicesAndBringingItBackRestoresThem() throws Exception {
        fleet = OsgiServices.await(DeviceSimulator.class)
                .start(FleetSpec.of(3, DeviceProfile.esp32()).withFirstAddress("127.49.40.1").withPort(PORT));
        addresses = fleet.devices().stream()
                .map(d -> new DeviceAddress(d.address().getAddress().getHostAddress(), PORT)).toList();
        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        view.discover("127.49.40.0/29", PORT, false);
        awaitRows(view, "three classic devices online", this::onlineAsClassic);

        Bundle bundle = classic().orElseThrow();
        bundle.stop();
        awaitRows(view, "the devices to say no driver is installed once the bundle stopped",
                r -> r.state() == DeviceRow.State.NO_DRIVER && r.problem().contains("classic"));

        bundle.start();
        awaitRows(view, "the devices online again once the bundle started", this::onlineAsClassic);

        long before = bundle.getBundleId();
        bundle.uninstall();
        awaitRows(view, "the devices to say no driver is installed once the bundle was uninstalled",
                r -> r.state() == DeviceRow.State.NO_DRIVER);

        Bundle again = context.installBundle(installable(location));
        assertNotEquals(before, again.getBundleId(), "a new installation, not the old bundle");
        again.start();
        awaitRows(view, "the devices online again once the bundle was installed again", this::onlineAsClassic);
    }

    private boolean onlineAsClassic(DeviceRow row) {
        return row.state() == DeviceRow.State.ONLINE && row.firmware().equals(Optional.of("classic"))
                && "no pattern".equals(row.patternText());
    }

    /** Polls the view's rows (running the event loop) until every one of our devices matches. */
    private void awaitRows(DevicesView view, String what, Predicate<DeviceRow> expected) {
        waitUntil(what, DEADLINE, () -> {
            List<DeviceRow> ours = view.rows().stream().filter(r -> addresses.contains(r.address())).toList();
            return ours.size() == addresses.size() && ours.stream().allMatch(expected);
        });
    }

    private Optional<Bundle> classic() {
        return Arrays.stream(context.getBundles()).filter(b -> CLASSIC.equals(b.getSymbolicName())).findFirst();
    }

    /** The test runtime installs with "initial@reference:file:..."; the URL part is what installBundle reads. */
    private static String installable(String location) {
        int reference = location.indexOf("reference:");
        return reference >= 0 ? location.substring(reference) : location.substring(location.indexOf('@') + 1);
    }
}
