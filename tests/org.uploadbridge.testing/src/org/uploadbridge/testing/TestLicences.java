package org.uploadbridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceStatus;
import org.uploadbridge.licensing.internal.Ed25519Keys;
import org.uploadbridge.licensing.internal.LicenceCodec;

/**
 * Licences for tests: the running licence service is told to trust a vendor key made for the test
 * run (through Configuration Admin), and licences signed with it are installed and removed again.
 */
public final class TestLicences {

    private static final String PID = "org.uploadbridge.licensing";
    private static final KeyPair VENDOR = Ed25519Keys.generate();

    private TestLicences() {
    }

    /** A licence of edition {@code edition} with every feature and no device limit, for any machine. */
    public static Licence unlimited(String edition) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Licence("TEST-" + edition, "Upload Bridge tests", edition,
                new Entitlements(OptionalInt.empty(), EnumSet.allOf(Entitlement.class)), today, Optional.of(today.plusDays(30)), 7,
                Optional.empty());
    }

    /** {@code licence} signed with the test run's vendor key, written to {@code file}. */
    public static Path write(Licence licence, Path file) throws IOException {
        return Files.write(file, LicenceCodec.issue(licence, VENDOR.getPrivate()));
    }

    /** Trusts the test key and installs {@code licence} (written to a file in {@code folder}). */
    public static void install(Licence licence, Path folder) throws IOException {
        Path file = write(licence, folder.resolve("test-licence.json"));
        LicenceService service = OsgiServices.await(LicenceService.class);
        OsgiServices.configure(PID, Map.of("publicKey", Ed25519Keys.text(VENDOR.getPublic())), () -> {
            try {
                service.install(file);
                return true;
            } catch (UploadBridgeException notYetTrusted) {
                return false; // the configuration reaches the component asynchronously: try again
            }
        });
    }

    /** Removes any installed licence and the test key: the free edition applies again. */
    public static void removeAndDistrust() {
        LicenceService service = OsgiServices.await(LicenceService.class);
        try {
            service.remove();
        } catch (UploadBridgeException e) {
            throw new AssertionError("cannot remove the test licence", e);
        }
        OsgiServices.unconfigure(PID, () -> service.state().status() == LicenceStatus.FREE);
    }
}
