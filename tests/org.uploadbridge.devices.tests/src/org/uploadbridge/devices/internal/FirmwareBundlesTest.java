package org.uploadbridge.devices.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.FirmwareBundles;

/** Installing a firmware bundle into the firmware folder: only real firmware bundles, whole or not at all. */
class FirmwareBundlesTest {

    private static final String DRIVER_COMPONENT = "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\""
            + " name=\"org.example.HelloDriver\"><service><provide interface=\"org.uploadbridge.core.device.DeviceDriver\"/>"
            + "</service></scr:component>";

    @Test
    void aFirmwareBundleIsCopiedWholeUnderItsSymbolicName(@TempDir Path dir) throws Exception {
        // given
        Path jar = bundle(dir.resolve("hello-1.0.0.jar"), "org.example.firmware.hello;singleton:=true", DRIVER_COMPONENT);
        Path folder = dir.resolve("firmware");
        // when
        String name = FirmwareBundles.install(jar, folder);
        // then
        assertEquals("org.example.firmware.hello", name);
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(folder.resolve("org.example.firmware.hello.jar")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
        // and a newer build replaces it
        Path newer = bundle(dir.resolve("hello-1.0.1.jar"), "org.example.firmware.hello", DRIVER_COMPONENT + " ");
        FirmwareBundles.install(newer, folder);
        assertArrayEquals(Files.readAllBytes(newer), Files.readAllBytes(folder.resolve("org.example.firmware.hello.jar")));
    }

    @Test
    void whatIsNotAFirmwareBundleIsRefusedAndNothingIsCopied(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("firmware");
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a jar");
        Path plainJar = bundle(dir.resolve("plain.jar"), null, DRIVER_COMPONENT);
        Path otherBundle = bundle(dir.resolve("other.jar"), "org.example.tools", "<scr:component name=\"x\"/>");
        for (Path refused : new Path[] { text, plainJar, otherBundle }) {
            UploadBridgeException e = assertThrows(UploadBridgeException.class, () -> FirmwareBundles.install(refused, folder));
            assertEquals(ApplicationError.NOT_A_FIRMWARE_BUNDLE, e.code(), e::getMessage);
            assertTrue(e.getMessage().contains(refused.getFileName().toString()), e.getMessage());
        }
        assertFalse(Files.exists(folder) && Files.list(folder).findAny().isPresent(), "nothing was copied");
    }

    /** A jar with {@code symbolicName} (none when null) and one component description. */
    private static Path bundle(Path file, String symbolicName, String componentXml) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("OSGI-INF/org.example.HelloDriver.xml"));
            jar.write(componentXml.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }
}
