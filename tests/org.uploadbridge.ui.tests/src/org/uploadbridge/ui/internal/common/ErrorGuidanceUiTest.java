package org.uploadbridge.ui.internal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.flushEvents;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.ui.internal.devices.DevicesView;

/**
 * A failure in the workbench reaches the user as its catalogued guidance: an upload to a simulated
 * device that was stopped, and a Job that fails unexpectedly, open the error-guidance dialog.
 */
class ErrorGuidanceUiTest {

    private static final int PORT = 18_730;
    private final DeviceAddress stopped = new DeviceAddress("127.49.7.1", PORT);

    @AfterEach
    void cleanUp() throws Exception {
        System.clearProperty(TroubleshootingGuide.DOCS_PROPERTY);
        openDialogs().forEach(ErrorGuidanceDialog::close);
        Arrays.stream(Display.getCurrent().getShells()).filter(s -> s.getData() instanceof GuideSectionDialog)
                .forEach(s -> ((GuideSectionDialog) s.getData()).close());
        OsgiServices.await(DeviceRegistry.class).remove(stopped);
    }

    @Test
    void anUploadToAStoppedDeviceShowsCodeStepsAndGuideAndCopiesTheDetails() throws Exception {
        System.setProperty(TroubleshootingGuide.DOCS_PROPERTY, RepositoryFiles.root().resolve("docs").toString());
        SimulatedFleet fleet = OsgiServices.await(DeviceSimulator.class)
                .start(FleetSpec.of(1, DeviceProfile.esp32()).withFirstAddress(stopped.host()).withPort(PORT));
        fleet.close(); // the device was there and is gone: nothing listens on its port now

        DevicesView view = (DevicesView) page().showView(DevicesView.ID);
        view.upload(RepositoryFiles.sample("nebula_grid.bin"), List.of(stopped));
        waitUntil("the error-guidance dialog of the failed upload", Duration.ofSeconds(60), () -> !openDialogs().isEmpty());

        ErrorGuidanceDialog dialog = openDialogs().get(0);
        CatalogEntry entry = dialog.error().entry();
        assertEquals("UB-D002", entry.code(), dialog.headlineText() + " / " + dialog.detailText());
        assertEquals(entry.title(), dialog.getShell().getText());
        assertTrue(dialog.headlineText().startsWith("Uploading nebula_grid.bin"), dialog.headlineText());
        assertTrue(dialog.headlineText().endsWith("failed: UB-D002 " + entry.title()), dialog.headlineText());
        assertTrue(dialog.detailText().contains(stopped.toString()), "what happened names the device: " + dialog.detailText());
        assertFalse(dialog.stepTexts().isEmpty());
        for (int i = 0; i < entry.steps().size(); i++) {
            assertEquals((i + 1) + ". " + entry.steps().get(i), dialog.stepTexts().get(i));
        }
        assertEquals("More: <a>docs/troubleshooting.md#ub-d002</a>", dialog.docsText(), "the guide is installed: a link");

        GuideSectionDialog section = dialog.openSection().orElseThrow();
        assertTrue(section.sectionText().startsWith("## UB-D002 " + entry.title()), section.sectionText());
        assertTrue(section.sectionText().contains("1. " + entry.steps().get(0)), section.sectionText());
        section.close();

        dialog.copyButton().notifyListeners(SWT.Selection, new Event());
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        String copied;
        try {
            copied = (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
        assertTrue(copied.contains("(UB-D002)"), copied);
        assertTrue(copied.contains(dialog.detailText()), copied);
        assertTrue(copied.contains("1. " + entry.steps().get(0)), copied);
        assertTrue(copied.contains("See docs/troubleshooting.md#ub-d002"), copied);
        assertTrue(copied.contains("Stack trace") && copied.contains("UploadBridgeException"), "the stack trace for support: " + copied);

        waitUntil("the device's row to show the code", Duration.ofSeconds(5), () -> view.rows().stream()
                .anyMatch(r -> r.address().equals(stopped) && r.problem().startsWith("UB-D002")));
    }

    @Test
    void anUnexpectedFailureInAJobIsShownAsTheInternalErrorNamingTheLog() {
        Job job = Job.create("Counting the frames", (org.eclipse.core.runtime.IProgressMonitor monitor) -> {
            throw new IllegalStateException("frame index -1");
        });
        job.schedule();
        waitUntil("the error-guidance dialog of the failed job", Duration.ofSeconds(20), () -> !openDialogs().isEmpty());

        ErrorGuidanceDialog dialog = openDialogs().get(0);
        assertEquals(ApplicationError.INTERNAL, dialog.error().code());
        assertTrue(dialog.headlineText().startsWith("Counting the frames failed: UB-A001"), dialog.headlineText());
        assertTrue(dialog.detailText().contains("IllegalStateException: frame index -1"), dialog.detailText());
        assertTrue(dialog.detailText().contains("upload-bridge.log"), "names the log file: " + dialog.detailText());
        assertEquals(dialog.error().entry().steps().size(), dialog.stepTexts().size());
    }

    @Test
    void withoutAnInstalledGuideThePointerIsShownAsPathAndAnchor() {
        ErrorGuidanceDialog dialog = new ErrorGuidanceDialog(page().getWorkbenchWindow().getShell(), "Saving the settings",
                new org.uploadbridge.core.error.UploadBridgeException(ApplicationError.SETTINGS_NOT_SAVED, "retry and quota",
                        "disk full"), List.of(), Optional.empty());
        dialog.setBlockOnOpen(false);
        dialog.open();
        flushEvents();
        assertTrue(dialog.docsText().startsWith("More: docs/troubleshooting.md#ub-a004 (the troubleshooting guide is not part"),
                dialog.docsText());
        assertTrue(dialog.detailText().contains("retry and quota settings could not be saved: disk full"), dialog.detailText());
        dialog.close();
    }

    private static List<ErrorGuidanceDialog> openDialogs() {
        return Arrays.stream(Display.getCurrent().getShells()).filter(s -> !s.isDisposed() && s.getData() instanceof ErrorGuidanceDialog)
                .map(s -> (ErrorGuidanceDialog) s.getData()).toList();
    }
}
