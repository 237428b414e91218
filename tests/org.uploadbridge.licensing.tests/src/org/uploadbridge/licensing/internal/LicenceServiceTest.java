package org.uploadbridge.licensing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceState;
import org.uploadbridge.licensing.LicenceStatus;
import org.uploadbridge.testing.OsgiServices;

/** Installing, expiry with grace, clocks set back, removing: real files in a temporary licence folder. */
class LicenceServiceTest {

    @TempDir
    Path folder;
    @TempDir
    Path downloads;

    @Test
    void withoutALicenceTheFreeEditionApplies() {
        LicenceState state = service("2026-11-28T12:00:00Z").state();
        assertEquals(LicenceStatus.FREE, state.status());
        assertEquals(Entitlements.free(), state.entitlements());
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> service("2026-11-28T12:00:00Z").require(Entitlement.FLEET, "Uploading to 12 devices at once"));
        assertEquals(LicenceError.NOT_ENTITLED, e.code());
        assertTrue(e.getMessage().contains("Uploading to 12 devices at once needs a licence with \"fleet\"; this installation runs the free edition"),
                e.getMessage());
    }

    @Test
    void anInstalledLicenceAppliesAndIsKeptExactlyAsIssued() throws Exception {
        byte[] issued = Licences.signed(Licences.studio());
        LicenceState state = service("2026-11-28T12:00:00Z").install(write("studio.json", issued));
        assertEquals(LicenceStatus.VALID, state.status());
        assertEquals("studio", state.edition());
        assertTrue(state.entitlements().includes(Entitlement.FLEET));
        assertEquals(List.of(), state.warnings());
        assertArrayEquals(issued, Files.readAllBytes(folder.resolve(StoredLicence.LICENCE)));
        assertEquals(LicenceStatus.VALID, service("2026-12-01T00:00:00Z").state().status(), "a restart finds it");
    }

    @Test
    void aLicenceThatDoesNotApplyIsNeverInstalled() throws Exception {
        LicenceService service = service("2026-11-28T12:00:00Z");
        byte[] tampered = Licences.signed(Licences.studio());
        tampered[tampered.length / 2] ^= 0x01;
        assertThrows(UploadBridgeException.class, () -> service.install(write("tampered.json", tampered)));
        UploadBridgeException notALicence = assertThrows(UploadBridgeException.class,
                () -> service.install(write("notes.txt", "my licence key".getBytes())));
        assertEquals(LicenceError.MALFORMED, notALicence.code());
        UploadBridgeException expired = assertThrows(UploadBridgeException.class, () -> service.install(write("old.json",
                Licences.signed(Licences.studio(LocalDate.of(2024, 1, 1), Optional.of(LocalDate.of(2025, 1, 1)), 30)))));
        assertEquals(LicenceError.EXPIRED, expired.code());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("licence")).toList(), "nothing installed");
        }
        assertEquals(LicenceStatus.FREE, service.state().status());
    }

    @Test
    void nearExpiryItWarnsInGraceItWorksWithWarningsThenTheFreeEditionApplies() throws Exception {
        service("2026-11-28T12:00:00Z").install(write("studio.json", Licences.signed(Licences.studio())));
        LicenceState near = service("2027-10-25T12:00:00Z").state();
        assertEquals(LicenceStatus.VALID, near.status());
        assertTrue(near.warnings().get(0).contains("expires on 2027-10-31 (6 day(s) left)"), near.warnings().toString());

        LicenceState grace = service("2027-11-15T12:00:00Z").state();
        assertEquals(LicenceStatus.GRACE, grace.status());
        assertTrue(grace.entitlements().includes(Entitlement.FLEET), "grace keeps the licence's entitlements");
        assertTrue(grace.warnings().get(0).contains("keeps working until 2027-11-30"), grace.warnings().toString());

        LicenceState expired = service("2027-12-01T00:00:01Z").state();
        assertEquals(LicenceStatus.EXPIRED, expired.status());
        assertEquals(Entitlements.free(), expired.entitlements());
        assertEquals(LicenceError.EXPIRED, expired.problem().orElseThrow().code());
    }

    @Test
    void settingTheClockBackDoesNotBringAnExpiredLicenceBack() throws Exception {
        service("2026-11-28T12:00:00Z").install(write("studio.json", Licences.signed(Licences.studio())));
        assertEquals(LicenceStatus.EXPIRED, service("2027-12-05T12:00:00Z").state().status()); // seen after the grace period
        LicenceState setBack = service("2027-06-01T12:00:00Z").state();
        assertEquals(LicenceStatus.EXPIRED, setBack.status(), "checked against the latest time seen");
        assertTrue(setBack.warnings().get(0).contains("is behind a time Upload Bridge has already seen"), setBack.warnings().toString());
    }

    @Test
    void aClockBeforeTheIssueDateIsCaughtToo() throws Exception {
        service("2026-11-28T12:00:00Z").install(write("studio.json", Licences.signed(Licences.studio(LocalDate.of(2026, 11, 1),
                Optional.of(LocalDate.of(2026, 12, 31)), 0))));
        Files.delete(folder.resolve(StoredLicence.LAST_SEEN)); // as if the record were lost too
        LicenceState state = service("2020-01-01T00:00:00Z").state();
        assertTrue(state.warnings().get(0).contains("is before the licence was issued (2026-11-01)"), state.warnings().toString());
    }

    @Test
    void aLicenceTornByAPowerCutIsReplacedByThePreviousOneAtStart() throws Exception {
        LicenceService service = service("2026-11-28T12:00:00Z");
        service.install(write("first.json", Licences.signed(Licences.studio())));
        service.install(write("renewed.json", Licences.signed(Licences.studio(LocalDate.of(2026, 11, 20),
                Optional.of(LocalDate.of(2028, 10, 31)), 30))));
        Path file = folder.resolve(StoredLicence.LICENCE);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2)); // what a write cut short could leave

        LicenceState restarted = service("2026-11-29T12:00:00Z").state();
        assertEquals(LicenceStatus.VALID, restarted.status(), "the last good licence applies");
        assertEquals(LocalDate.of(2027, 10, 31), restarted.licence().orElseThrow().expires().orElseThrow(), "the previous version");
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(StoredLicence.LICENCE + ".unreadable-")),
                    "the torn file is kept aside");
        }
    }

    @Test
    void removingMovesTheLicenceAsideAndTheFreeEditionApplies() throws Exception {
        LicenceService service = service("2026-11-28T12:00:00Z");
        byte[] issued = Licences.signed(Licences.studio());
        service.install(write("studio.json", issued));
        assertEquals(LicenceStatus.FREE, service.remove().status());
        try (Stream<Path> files = Files.list(folder)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("licence.removed-")).findFirst().orElseThrow();
            assertArrayEquals(issued, Files.readAllBytes(aside), "kept, so it can be installed again");
        }
    }

    @Test
    void aStoredLicenceFromAnotherMachineIsInvalidWithItsReason() throws Exception {
        service("2026-11-28T12:00:00Z").install(write("studio.json", Licences.signed(Licences.studio())));
        LicenceState moved = new FileLicenceService(folder, Licences.VENDOR.getPublic(),
                () -> Licences.studioPcWithChanged("mac", "board", "host"), clock("2026-11-29T12:00:00Z")).state();
        assertEquals(LicenceStatus.INVALID, moved.status());
        assertEquals(LicenceError.WRONG_MACHINE, moved.problem().orElseThrow().code());
        assertEquals(Entitlements.free(), moved.entitlements());
    }

    @Test
    void theProductRunsTheServiceWithItsShippedKey() {
        LicenceService running = OsgiServices.await(LicenceService.class);
        assertFalse(running.fingerprint().factors().isEmpty());
        assertTrue(running.fingerprint().text().startsWith("ubfp1:"));
    }

    private FileLicenceService service(String now) {
        return new FileLicenceService(folder, Licences.VENDOR.getPublic(), () -> Licences.STUDIO_FINGERPRINT, clock(now));
    }

    private static Clock clock(String now) {
        return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(downloads.resolve(name), bytes);
    }
}
