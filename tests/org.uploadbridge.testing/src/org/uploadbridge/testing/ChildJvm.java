package org.uploadbridge.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Starting a class of the test runtime in a child JVM on a plain class path: the same {@code java}
 * as this JVM, and a bundle with its fragments and every bundle it is wired to as the class path
 * (the simulator's fleet for the benchmarks, a writer killed mid-write for the crash tests).
 */
public final class ChildJvm {

    /** Namespaces whose providers a bundle's classes need at run time (packages, bundles, SLF4J's provider). */
    private static final Set<String> NAMESPACES = Set.of("osgi.wiring.package", "osgi.wiring.bundle", "osgi.serviceloader");

    private ChildJvm() {
    }

    /** The {@code java} binary running this JVM. */
    public static String java() throws IOException {
        return ProcessHandle.current().info().command().orElseThrow(() -> new IOException("cannot tell this JVM's java binary"));
    }

    /** {@code root}, its fragments and everything they are wired to, as files for a class path. */
    public static String classPath(Bundle root) throws IOException {
        Set<Bundle> seen = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Bundle bundle = todo.pop();
            // The system bundle's packages are the JDK's and the framework's: not needed outside OSGi.
            if (bundle.getBundleId() == 0 || !seen.add(bundle)) {
                continue;
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                throw new IOException(bundle.getSymbolicName() + " is not resolved");
            }
            for (BundleWire wire : wiring.getProvidedWires("osgi.wiring.host")) {
                seen.add(wire.getRequirerWiring().getBundle()); // a fragment: its classes are the host's
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                if (NAMESPACES.contains(wire.getCapability().getNamespace())) {
                    todo.add(wire.getProviderWiring().getBundle());
                }
            }
        }
        List<String> entries = new ArrayList<>();
        for (Bundle bundle : seen) {
            entries.addAll(files(bundle));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A bundle's jar, or its folder and its output folder when it runs from a workspace. */
    private static List<String> files(Bundle bundle) throws IOException {
        // e.g. "initial@reference:file:/path/to/bundle.jar" in the test runtime
        String location = bundle.getLocation();
        int file = location.indexOf("file:");
        Path path;
        try {
            if (file < 0) {
                throw new IllegalArgumentException("not a file");
            }
            URI uri = URI.create(location.substring(file).replace(" ", "%20"));
            // Equinox resolves a relative location ("file:../bundles/x.jar") against its install area.
            path = uri.isOpaque() ? Path.of(installArea().resolve(uri.getSchemeSpecificPart())) : Path.of(uri);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IOException("cannot put " + bundle.getSymbolicName() + " on a class path: its location is " + location, e);
        }
        if (!Files.exists(path)) {
            throw new IOException("cannot put " + bundle.getSymbolicName() + " on a class path: " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path.toString());
        }
        // A bundle run from its project folder (the bundle under test in Tycho, any bundle in the
        // IDE): its classes are in the folders the framework's osgi.dev setting names.
        List<String> entries = new ArrayList<>();
        for (String folder : devClassFolders(bundle.getSymbolicName())) {
            entries.add(path.resolve(folder).toString());
        }
        entries.add(path.toString());
        return entries;
    }

    /**
     * The class folders {@code osgi.dev} gives a bundle: either a {@code file:} URL of a properties
     * file (symbolic name = comma-separated folders, as Tycho and PDE write it) or the folders of
     * every bundle; {@code bin} when it is not set.
     */
    private static List<String> devClassFolders(String symbolicName) throws IOException {
        String dev = OsgiServices.context().getProperty("osgi.dev");
        if (dev == null || dev.isBlank()) {
            return List.of("bin");
        }
        String folders = dev;
        if (dev.startsWith("file:")) {
            Properties entries = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(URI.create(dev.replace(" ", "%20"))))) {
                entries.load(in);
            }
            folders = entries.getProperty(symbolicName, entries.getProperty("*", ""));
        }
        return Arrays.stream(folders.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    }

    private static URI installArea() {
        String area = OsgiServices.context().getProperty("osgi.install.area");
        if (area == null) {
            throw new IllegalArgumentException("the framework has no osgi.install.area to resolve a relative location against");
        }
        return URI.create(area.replace(" ", "%20"));
    }
}
