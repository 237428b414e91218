package org.uploadbridge.licensing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.internal.LicenceCodec.MalformedLicenceException;
import org.uploadbridge.licensing.internal.LicenceCodec.NotCanonicalException;
import org.uploadbridge.licensing.internal.LicenceCodec.SignedLicence;

/** A licence signed by the vendor reads back as issued, and no single changed byte keeps it valid. */
class SignedLicenceTest {

    @Test
    void aSignedLicenceReadsBackAndVerifies() throws Exception {
        Licence licence = Licences.studio();
        byte[] file = Licences.signed(licence);
        SignedLicence read = LicenceCodec.read(file);
        assertEquals(licence, read.licence());
        LicenceEvaluator.verify(read, Licences.VENDOR.getPublic(), Licences.STUDIO_FINGERPRINT, "licence.json");
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"licence\":{\"edition\":\"studio\",\"entitlements\":{\"firmware_update\":true,"), text);
        assertTrue(text.endsWith("\"}\n"), "one final newline");
        assertArrayEquals(file, LicenceCodec.issue(licence, Licences.VENDOR.getPrivate()), "Ed25519 signs deterministically");
    }

    @Test
    void anotherVendorsSignatureIsRefused() throws Exception {
        byte[] file = LicenceCodec.issue(Licences.studio(), Ed25519Keys.generate().getPrivate());
        UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> LicenceEvaluator.verify(LicenceCodec.read(file),
                Licences.VENDOR.getPublic(), Licences.STUDIO_FINGERPRINT, "licence.json"));
        assertEquals(LicenceError.SIGNATURE_INVALID, e.code());
    }

    /** Every position, every other byte value: 255 x the file's length changed files, none accepted (positions in parallel). */
    @Test
    void everySingleByteChangeIsRefused() {
        byte[] file = Licences.signed(Licences.studio());
        AtomicInteger unreadable = new AtomicInteger();
        AtomicInteger edited = new AtomicInteger();
        AtomicInteger badSignature = new AtomicInteger();
        List<String> accepted = new CopyOnWriteArrayList<>();
        IntStream.range(0, file.length).parallel().forEach(i -> {
            for (int value = 0; value < 256; value++) {
                if (value == (file[i] & 0xff)) {
                    continue;
                }
                byte[] changed = file.clone();
                changed[i] = (byte) value;
                try {
                    SignedLicence read = LicenceCodec.read(changed);
                    LicenceEvaluator.verify(read, Licences.VENDOR.getPublic(), Licences.STUDIO_FINGERPRINT, "changed");
                    accepted.add("byte " + i + " set to " + value);
                } catch (MalformedLicenceException e) {
                    unreadable.incrementAndGet();
                } catch (NotCanonicalException e) {
                    edited.incrementAndGet();
                } catch (UploadBridgeException e) {
                    if (e.code() == LicenceError.SIGNATURE_INVALID) {
                        badSignature.incrementAndGet();
                    } else {
                        accepted.add("byte " + i + " set to " + value + " failed otherwise: " + e.getMessage());
                    }
                }
            }
        });
        System.out.printf("%d single-byte changes of a %d-byte licence: %d unreadable, %d not as issued, %d bad signature%n",
                file.length * 255, file.length, unreadable.get(), edited.get(), badSignature.get());
        assertEquals(List.of(), accepted, "changes that still verify");
        assertEquals(file.length * 255, unreadable.get() + edited.get() + badSignature.get());
        assertTrue(badSignature.get() > 0, "some changes read as a licence and only the signature catches them");
    }

    @Test
    void unknownFieldsAndOtherFormsAreRefused() {
        String issued = new String(Licences.signed(Licences.studio()), StandardCharsets.UTF_8);
        assertThrows(NotCanonicalException.class, () -> LicenceCodec.read(issued.replace("{\"licence\":{", "{\"licence\":{\"bonus\":true,")
                .getBytes(StandardCharsets.UTF_8)));
        assertThrows(NotCanonicalException.class, () -> LicenceCodec.read(issued.replace(",", ", ").getBytes(StandardCharsets.UTF_8)));
        assertThrows(NotCanonicalException.class, () -> LicenceCodec.read(issued.replace("\"max_devices\":200", "\"max_devices\":200.0")
                .getBytes(StandardCharsets.UTF_8)));
        assertThrows(MalformedLicenceException.class, () -> LicenceCodec.read(issued.replace("\"max_devices\":200", "\"max_devices\":\"200\"")
                .getBytes(StandardCharsets.UTF_8)));
        MalformedLicenceException e = assertThrows(MalformedLicenceException.class,
                () -> LicenceCodec.read(issued.replace("\"format\":1", "\"format\":2").getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("format 2"), e.getMessage());
        assertFalse(issued.contains("\": ") || issued.contains(", \""), "compact");
    }
}
