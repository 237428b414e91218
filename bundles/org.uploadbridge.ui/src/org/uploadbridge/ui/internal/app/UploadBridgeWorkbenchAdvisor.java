package org.uploadbridge.ui.internal.app;

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.statushandlers.AbstractStatusHandler;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.GuidanceStatusHandler;
import org.uploadbridge.ui.internal.common.ServiceRef;
import org.uploadbridge.ui.internal.devices.DevicesView;
import org.uploadbridge.ui.internal.patterns.PatternOpener;
import org.uploadbridge.ui.internal.patterns.PatternsView;

/**
 * Workbench-wide settings: the initial perspective, saving the layout between sessions, and the
 * start-up arguments {@code --library DIR} (add a folder to the pattern library),
 * {@code --open FILE} (open a pattern) and {@code --simulate N} (simulated devices, discovered),
 * which the launcher script uses.
 */
public class UploadBridgeWorkbenchAdvisor extends WorkbenchAdvisor {

    private SimulatedFleet simulatedFleet;
    private MdnsAdvertisement advertisement;
    private ServiceRef<DeviceSimulator> simulator;
    private AbstractStatusHandler errorHandler;

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new UploadBridgeWindowAdvisor(configurer);
    }

    /** Errors of Jobs and of the UI thread are shown with their catalogued guidance. */
    @Override
    public synchronized AbstractStatusHandler getWorkbenchErrorHandler() {
        if (errorHandler == null) {
            errorHandler = new GuidanceStatusHandler();
        }
        return errorHandler;
    }

    /** An exception escaping a listener on the UI thread: logged and shown as the internal error, not swallowed. */
    @Override
    public void eventLoopException(Throwable exception) {
        org.eclipse.ui.statushandlers.StatusManager.getManager().handle(
                new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR, "org.uploadbridge.ui",
                        "handling a user action", exception),
                org.eclipse.ui.statushandlers.StatusManager.LOG | org.eclipse.ui.statushandlers.StatusManager.SHOW);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return WorkbenchPerspective.ID;
    }

    @Override
    public void postStartup() {
        IWorkbenchPage page = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow().getActivePage();
        String[] args = Platform.getApplicationArgs();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--library".equals(args[i])) {
                try {
                    ((PatternsView) page.showView(PatternsView.ID)).addFolder(Path.of(args[++i]));
                } catch (PartInitException e) {
                    ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "Adding the library folder",
                            new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, e, "Patterns view", e.getMessage()));
                }
            } else if ("--open".equals(args[i])) {
                PatternOpener.open(page, Path.of(args[++i]));
            } else if ("--simulate".equals(args[i])) {
                simulate(page, Integer.parseInt(args[++i]));
            }
        }
        ILog.of(getClass()).info("Upload Bridge workbench started");
    }

    /** Starts simulated devices on loopback for the tour, and discovers them in the Devices view. */
    private void simulate(IWorkbenchPage page, int count) {
        // The reference stays open until shutdown: releasing it would let SCR deactivate the simulator.
        simulator = new ServiceRef<>(DeviceSimulator.class);
        try {
            FleetSpec spec = FleetSpec.of(count, DeviceProfile.esp32());
            simulatedFleet = simulator.get().start(spec);
            ILog.of(getClass()).info("Started " + count + " simulated devices on " + FleetSpec.DEFAULT_FIRST_ADDRESS + " ... port "
                    + FleetSpec.DEFAULT_PORT);
            // With loopback multicast the devices also announce themselves, so discovery shows both ways.
            boolean mdns = MdnsAdvertisement.loopbackMulticastAvailable();
            if (mdns) {
                advertisement = simulator.get().advertiseMdns(simulatedFleet);
            }
            ((DevicesView) page.showView(DevicesView.ID)).discover("127.42.0.0/24", FleetSpec.DEFAULT_PORT, mdns);
        } catch (PartInitException e) {
            ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "Showing the simulated devices",
                    new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, e, "Devices view", e.getMessage()));
        } catch (java.io.UncheckedIOException e) {
            ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "Starting " + count + " simulated devices",
                    new UploadBridgeException(ApplicationError.SIMULATOR_NOT_STARTED, e,
                            FleetSpec.DEFAULT_FIRST_ADDRESS + " ... port " + FleetSpec.DEFAULT_PORT, e.getMessage()));
        }
    }

    @Override
    public void postShutdown() {
        if (advertisement != null) {
            advertisement.close();
        }
        if (simulatedFleet != null) {
            simulatedFleet.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        super.postShutdown();
    }
}
