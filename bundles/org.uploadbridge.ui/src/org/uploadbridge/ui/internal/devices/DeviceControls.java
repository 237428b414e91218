package org.uploadbridge.ui.internal.devices;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.TableViewer;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.DeviceService;

/**
 * The Devices view's context menu: what the light shows on the selected devices. Blink to find a
 * device, turn it on or off, stop the live stream an upload started (WLED). Each runs as a Job; a
 * device that cannot do it says "not supported" in the guidance dialog, and the rows are asked for
 * their status afterwards.
 */
final class DeviceControls {

    private DeviceControls() {
    }

    /** Adds the menu to the viewer's table; returns it, so that tests can find an action by id. */
    static MenuManager install(TableViewer viewer, Supplier<List<DeviceAddress>> selected, Supplier<DeviceService> devices,
            Consumer<List<DeviceAddress>> refresh) {
        MenuManager menu = new MenuManager();
        menu.add(control("Blink", "Blink the selected devices so you can find them", "Blinking", selected, devices, refresh,
                DeviceService::blink));
        menu.add(new Separator());
        menu.add(control("Turn On", "Turn the light on", "Turning on", selected, devices, refresh,
                (service, address) -> service.setPower(address, true)));
        menu.add(control("Turn Off", "Turn the light off (stops a live stream)", "Turning off", selected, devices, refresh,
                (service, address) -> service.setPower(address, false)));
        menu.add(control("Stop Stream", "Stop streaming the uploaded pattern; the device shows its own effect again",
                "Stopping the stream", selected, devices, refresh, DeviceService::stopStream));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        return menu;
    }

    private static Action control(String text, String tooltip, String what, Supplier<List<DeviceAddress>> selected,
            Supplier<DeviceService> devices, Consumer<List<DeviceAddress>> refresh, DeviceJobs.DeviceControl control) {
        Action action = new Action(text) {
            @Override
            public void run() {
                List<DeviceAddress> targets = selected.get();
                if (!targets.isEmpty()) {
                    DeviceJobs.control(devices.get(), what, targets, control, () -> refresh.accept(targets)).schedule();
                }
            }
        };
        action.setToolTipText(tooltip);
        action.setId("org.uploadbridge.ui.devices." + text.toLowerCase().replace(' ', '-'));
        return action;
    }
}
