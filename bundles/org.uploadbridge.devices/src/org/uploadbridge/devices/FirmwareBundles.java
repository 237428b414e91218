package org.uploadbridge.devices;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.io.AtomicFiles;

/**
 * Where firmware drivers come from. The firmware folder's bundles are installed and started by the
 * running product, and uninstalled when removed, without a restart (Apache Felix File Install
 * watches it); the product sets it with the framework property {@value #FOLDER_PROPERTY}, by
 * default {@code ~/.uploadbridge/firmware}. A driver from a bundle outside {@code org.uploadbridge.}
 * is third-party firmware (a licence entitlement).
 */
public final class FirmwareBundles {

    public static final String FOLDER_PROPERTY = "felix.fileinstall.dir";
    private static final String FIRST_PARTY_PREFIX = "org.uploadbridge.";
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}");
    private static final int MAX_COMPONENT_XML_BYTES = 256 * 1024;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private FirmwareBundles() {
    }

    /** The folder, with {@code ${name}} expanded from system properties as File Install does; empty when none is watched. */
    public static Optional<Path> folder(BundleContext context) {
        String value = context.getProperty(FOLDER_PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Matcher variables = VARIABLE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(expanded, Matcher.quoteReplacement(System.getProperty(variables.group(1), "")));
        }
        variables.appendTail(expanded);
        return Optional.of(Path.of(expanded.toString()).toAbsolutePath().normalize());
    }

    /**
     * Copies a firmware bundle's jar into {@code folder} as {@code <symbolic name>.jar}, atomically
     * (File Install never sees half a file), replacing an older copy of the same bundle. Checks
     * first that it is a bundle with a DS component providing {@link DeviceDriver}.
     *
     * @return the bundle's symbolic name
     * @throws UploadBridgeException {@code UB-A008} when it is not a firmware bundle or cannot be copied; nothing is copied then
     */
    public static String install(Path jar, Path folder) throws UploadBridgeException {
        String symbolicName;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (header == null || header.isBlank()) {
                throw notInstalled(jar, null, "its manifest has no Bundle-SymbolicName, so it is not an OSGi bundle");
            }
            symbolicName = header.split(";", 2)[0].trim();
            if (!SYMBOLIC_NAME.matcher(symbolicName).matches()) {
                throw notInstalled(jar, null, "its symbolic name '" + symbolicName + "' is not a valid bundle name");
            }
            if (!providesDriver(file)) {
                throw notInstalled(jar, null, "no DS component in it provides " + DeviceDriver.class.getName());
            }
        } catch (IOException e) {
            throw notInstalled(jar, e, "it cannot be read as a jar (" + e.getMessage() + ")");
        }
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(folder.resolve(symbolicName + ".jar"), channel -> {
                try (FileChannel source = FileChannel.open(jar)) {
                    for (long copied = 0, size = source.size(); copied < size;) {
                        copied += source.transferTo(copied, size - copied, channel);
                    }
                }
            });
        } catch (IOException e) {
            throw notInstalled(jar, e, "the firmware folder " + folder + " cannot be written (" + e.getMessage() + ")");
        }
        return symbolicName;
    }

    /** Whether a component description in the jar provides the firmware SPI. */
    private static boolean providesDriver(JarFile file) throws IOException {
        for (JarEntry entry : java.util.Collections.list(file.entries())) {
            if (entry.getName().startsWith("OSGI-INF/") && entry.getName().endsWith(".xml")) {
                try (var in = file.getInputStream(entry)) {
                    String xml = new String(in.readNBytes(MAX_COMPONENT_XML_BYTES), java.nio.charset.StandardCharsets.UTF_8);
                    if (xml.contains("interface=\"" + DeviceDriver.class.getName() + "\"")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static UploadBridgeException notInstalled(Path jar, Exception cause, String why) {
        return new UploadBridgeException(ApplicationError.NOT_A_FIRMWARE_BUNDLE, cause, jar.getFileName(), why);
    }

    /** The bundle the driver comes from; null only for a driver outside OSGi (a test's own). */
    public static Bundle bundleOf(DeviceDriver driver) {
        return FrameworkUtil.getBundle(driver.getClass());
    }

    /** Whether the driver's bundle is not Upload Bridge's own. */
    public static boolean isThirdParty(DeviceDriver driver) {
        Bundle bundle = bundleOf(driver);
        return bundle == null || !bundle.getSymbolicName().startsWith(FIRST_PARTY_PREFIX);
    }
}
