package org.uploadbridge.ui.internal.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceStatus;
import org.uploadbridge.licensing.MachineBinding;
import org.uploadbridge.licensing.internal.Ed25519Keys;
import org.uploadbridge.licensing.internal.LicenceCodec;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.ui.internal.common.ErrorGuidanceDialog;

/**
 * Help > Licence... and the status-bar indicator with the real licence service, which trusts a
 * vendor key made for this run (set through Configuration Admin) and keeps its licence in the
 * test workspace. Afterwards the shipped key and the free edition apply again for the other tests.
 */
class LicenceUiTest {

    private static final String PID = "org.uploadbridge.licensing";
    private static final KeyPair VENDOR = Ed25519Keys.generate();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path downloads;
    private LicenceDialog dialog;

    @BeforeAll
    static void trustTheTestVendor() {
        String key = Ed25519Keys.text(VENDOR.getPublic());
        OsgiServices.configure(PID, Map.of("publicKey", key), () -> key.equals(servicePublicKey().orElse(null)));
    }

    @AfterAll
    static void restoreTheShippedKeyAndTheFreeEdition() throws Exception {
        removeAnyLicence();
        OsgiServices.unconfigure(PID, () -> serviceRegistered() && servicePublicKey().isEmpty());
        assertEquals(LicenceStatus.FREE, service().state().status());
    }

    @AfterEach
    void closeTheDialogAndRemoveTheLicence() throws Exception {
        if (dialog != null) {
            dialog.close();
        }
        removeAnyLicence();
    }

    @Test
    void theFreeEditionSaysItsLimitsAndHowToGetALicence() {
        open();
        assertEquals(LicenceStatus.FREE, dialog.state().status());
        Map<String, String> rows = dialog.rows();
        assertEquals("Free", rows.get("Edition"));
        assertEquals("No licence is installed: the free edition applies.", rows.get("Status"));
        assertEquals("3", rows.get("Devices"));
        assertEquals("not included", rows.get("Fleet upload"));
        assertEquals("not included", rows.get("Firmware update"));
        assertEquals("not included", rows.get("Third-party firmware"));
        String free = dialog.freeEditionText();
        assertTrue(free.contains("3 devices") && free.contains("one device at a time") && free.contains("does not update firmware"), free);
        assertTrue(free.contains("copy this machine's fingerprint") && free.contains("vendor"), free);
        assertFalse(dialog.removeButton().isEnabled(), "nothing to remove");
        waitForIndicator("Free edition");
        assertFalse(indicator().flagged());
        Control shown = Widgets.find(window(), LicenceStatusItem.class).orElseThrow();
        assertTrue(shown.isVisible() && shown.getSize().x > 50, "visible in the status bar: " + shown.getBounds());
    }

    @Test
    void copyPutsThisMachinesFingerprintOnTheClipboard() {
        open();
        dialog.copyButton().notifyListeners(SWT.Selection, new Event());
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        try {
            String copied = (String) clipboard.getContents(TextTransfer.getInstance());
            assertTrue(copied.startsWith("ubfp1:"), copied);
            assertEquals(service().fingerprint().text(), copied);
            assertEquals(copied, dialog.fingerprintText());
        } finally {
            clipboard.dispose();
        }
    }

    @Test
    void anInstalledLicenceShowsItsEditionAndEntitlementsAndTheStatusBarFollows() throws Exception {
        open();
        LocalDate expires = TODAY.plusYears(1);
        dialog.install(write("studio.json", studio(TODAY.minusDays(1), expires, 30)));

        assertEquals(LicenceStatus.VALID, dialog.state().status());
        Map<String, String> rows = dialog.rows();
        assertEquals("Studio", rows.get("Edition"));
        assertEquals("Lumen Lighting Studio", rows.get("Licensee"));
        assertEquals("UB-TEST-0042", rows.get("Licence ID"));
        assertEquals("200", rows.get("Devices"));
        assertEquals("included", rows.get("Fleet upload"));
        assertEquals("included", rows.get("Firmware update"));
        assertEquals("not included", rows.get("Third-party firmware"));
        assertEquals(expires.toString(), rows.get("Expires"));
        assertEquals("30 day(s) after expiry, until " + expires.plusDays(30), rows.get("Grace period"));
        assertEquals("", dialog.freeEditionText(), "no free-edition text under a licence");
        assertTrue(dialog.notices().isEmpty(), dialog.notices().toString());
        assertTrue(dialog.removeButton().isEnabled());
        assertEquals("Studio licence", indicator().text(), "the status bar shows it at once");
        assertFalse(indicator().flagged());
        assertEquals(LicenceStatus.VALID, service().state().status());
    }

    @Test
    void aTamperedFileShowsTheGuidanceWithUbL002AndInstallsNothing() throws Exception {
        open();
        String issued = new String(studio(TODAY.minusDays(1), TODAY.plusYears(1), 30), StandardCharsets.UTF_8);
        Path tampered = write("tampered.json", issued.replace("Lumen Lighting Studio", "Lumen Lighting Studiq").getBytes(StandardCharsets.UTF_8));
        StringBuilder guidance = new StringBuilder();
        whenShellOpens(s -> s.getData() instanceof ErrorGuidanceDialog, shell -> {
            guidance.append(shell.getText()).append('\n').append(Widgets.texts(shell));
            ((ErrorGuidanceDialog) shell.getData()).close();
        });
        dialog.install(tampered); // returns when the guidance dialog is closed

        assertTrue(guidance.toString().startsWith("Licence signature does not match"), guidance.toString());
        assertTrue(guidance.toString().contains("Installing the licence file tampered.json failed: UB-L002"), guidance.toString());
        assertTrue(guidance.toString().contains("1. "), "with its steps: " + guidance);
        assertEquals(LicenceStatus.FREE, service().state().status(), "nothing installed");
        assertEquals(LicenceStatus.FREE, dialog.state().status());
        waitForIndicator("Free edition");
    }

    @Test
    void removeAsksFirstThenTheFreeEditionApplies() throws Exception {
        open();
        dialog.install(write("studio.json", studio(TODAY.minusDays(1), TODAY.plusYears(1), 30)));
        assertEquals("Studio licence", indicator().text());

        whenShellOpens(s -> "Remove Licence".equals(s.getText()), Shell::close);
        dialog.remove();
        assertEquals(LicenceStatus.VALID, service().state().status(), "not removed when the user does not confirm");

        whenShellOpens(s -> "Remove Licence".equals(s.getText()), shell -> Widgets.press(shell, "Remove"));
        dialog.remove();
        assertEquals(LicenceStatus.FREE, service().state().status());
        assertEquals("Free", dialog.rows().get("Edition"));
        assertTrue(dialog.freeEditionText().contains("3 devices"), dialog.freeEditionText());
        assertFalse(dialog.removeButton().isEnabled());
        assertEquals("Free edition", indicator().text());
    }

    @Test
    void inTheGracePeriodTheDialogWarnsAndTheStatusBarIsFlagged() throws Exception {
        open();
        LocalDate expired = TODAY.minusDays(5);
        dialog.install(write("studio.json", studio(TODAY.minusDays(400), expired, 30)));

        assertEquals(LicenceStatus.GRACE, dialog.state().status());
        assertEquals("included", dialog.rows().get("Fleet upload"), "grace keeps the licence's entitlements");
        assertTrue(dialog.notices().get(0).contains("keeps working until " + expired.plusDays(30)), dialog.notices().toString());
        assertEquals("Studio licence: grace until " + expired.plusDays(30), indicator().text());
        assertTrue(indicator().flagged(), "a warning icon");
    }

    @Test
    void helpLicenceAndAClickOnTheIndicatorOpenTheDialog() throws Exception {
        waitForIndicator("Free edition");
        boolean[] opened = new boolean[2];
        whenShellOpens(s -> s.getData() instanceof LicenceDialog, shell -> {
            opened[0] = true;
            shell.close();
        });
        PlatformUI.getWorkbench().getService(IHandlerService.class)
                .executeCommand("org.uploadbridge.ui.commands.licence", null);
        whenShellOpens(s -> s.getData() instanceof LicenceDialog, shell -> {
            opened[1] = true;
            shell.close();
        });
        Widgets.find(window(), LicenceStatusItem.class).orElseThrow().notifyListeners(SWT.MouseUp, new Event());
        assertTrue(opened[0], "Help > Licence... opened it");
        assertTrue(opened[1], "a click on the indicator opened it");
    }

    private void open() {
        dialog = new LicenceDialog(window());
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(downloads.resolve(name), bytes);
    }

    /** A studio licence for this machine, signed by the test vendor. */
    private static byte[] studio(LocalDate issued, LocalDate expires, int graceDays) {
        Licence licence = new Licence("UB-TEST-0042", "Lumen Lighting Studio", "studio",
                new Entitlements(OptionalInt.of(200), Set.of(Entitlement.FLEET, Entitlement.FIRMWARE_UPDATE)), issued,
                Optional.of(expires), graceDays, Optional.of(MachineBinding.tolerantOf(service().fingerprint())));
        return LicenceCodec.issue(licence, VENDOR.getPrivate());
    }

    private static void removeAnyLicence() throws Exception {
        if (service().state().status() != LicenceStatus.FREE) {
            LicenceChanges.changed(service().remove());
        }
    }

    private static LicenceService service() {
        return OsgiServices.await(LicenceService.class);
    }

    private static boolean serviceRegistered() {
        return OsgiServices.context().getServiceReference(LicenceService.class) != null;
    }

    /** The key the registered service was configured with (DS publishes configuration as service properties). */
    private static Optional<String> servicePublicKey() {
        ServiceReference<LicenceService> reference = OsgiServices.context().getServiceReference(LicenceService.class);
        return reference == null ? Optional.empty() : Optional.ofNullable((String) reference.getProperty("publicKey"));
    }

    private static Shell window() {
        return PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
    }

    private static LicenceStatusItem indicator() {
        return (LicenceStatusItem) Widgets.find(window(), LicenceStatusItem.class)
                .orElseThrow(() -> new AssertionError("no licence indicator in the status line")).getData();
    }

    private static void waitForIndicator(String text) {
        waitUntil("the status bar to show \"" + text + "\"", Duration.ofSeconds(10), () -> text.equals(indicator().text()));
    }

    /** Acts on a modal shell once it is open, from inside the event loop of the call that opened it. */
    private static void whenShellOpens(Predicate<Shell> which, Consumer<Shell> action) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Optional<Shell> shell = Arrays.stream(display.getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && which.test(s)).findFirst();
            if (shell.isPresent()) {
                action.accept(shell.get());
            } else if (System.nanoTime() < deadline) {
                display.timerExec(50, poll[0]);
            }
        };
        display.timerExec(50, poll[0]);
    }
}
