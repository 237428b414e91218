package org.uploadbridge.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.testing.OsgiServices;

/**
 * A simulated fleet in a child JVM (the simulator's {@code FleetProcess} on a plain class path made
 * of the simulator bundle and the bundles it is wired to), so that the benchmark's heap and CPU
 * figures are the client's alone. The child ends on {@link #close()}, when this JVM dies (its stdin
 * closes) and after its lifetime in any case.
 */
final class FleetChild implements AutoCloseable {

    private static final String MAIN = "org.uploadbridge.simulator.internal.FleetProcess";
    private static final long START_SECONDS = 60;
    private static final long ANSWER_SECONDS = 30;
    private static final long LIFETIME_SECONDS = 900;
    /** Namespaces whose providers the simulator's classes need at run time (packages, bundles, SLF4J's provider). */
    private static final Set<String> NAMESPACES = Set.of("osgi.wiring.package", "osgi.wiring.bundle", "osgi.serviceloader");

    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path log;

    private FleetChild(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("fleet-child-stdout").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    answers.add(line);
                }
            } catch (IOException e) {
                answers.add("failed reading the child's output: " + e);
            }
        });
    }

    /**
     * Starts a fleet with {@code options} ({@code key=value}, see {@code FleetProcess}) and waits
     * until every device listens; {@code jvmOptions} go to the child JVM (heap size, JFR).
     */
    static FleetChild start(List<String> jvmOptions, String... options) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("benchmark.report.dir", "target/benchmarks"));
        Files.createDirectories(dir);
        Path log = dir.resolve("simulator-child.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(() -> new IOException("cannot tell this JVM's java binary")));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(MAIN);
        command.add("lifetime=" + LIFETIME_SECONDS);
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        FleetChild child = new FleetChild(process, log);
        try {
            String ready = child.next(START_SECONDS);
            // The JVM may print notes of its own first (e.g. a flight recording starting).
            while (!ready.startsWith("ready ") && !ready.startsWith("failed ")) {
                ready = child.next(START_SECONDS);
            }
            if (!ready.startsWith("ready ")) {
                throw new IOException("the simulator process did not start: " + ready + " (see " + log + ")");
            }
            return child;
        } catch (IOException | RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
    }

    /** The size and SHA-256 of the last pattern device {@code index} accepted; empty when none. */
    List<String> lastAccepted(int index) throws IOException, InterruptedException {
        String answer = ask("last " + index, "last ");
        return "none".equals(answer) ? List.of() : List.of(answer.split(" "));
    }

    /** How many devices last accepted exactly the pattern with this SHA-256. */
    long holding(String sha256) throws IOException, InterruptedException {
        return Long.parseLong(ask("holding " + sha256, "holding "));
    }

    /** Requests all devices saw since the start or the last {@link #reset()}. */
    long requests() throws IOException, InterruptedException {
        return Long.parseLong(ask("requests", "requests "));
    }

    void reset() throws IOException, InterruptedException {
        ask("reset", "reset");
    }

    long pid() {
        return process.pid();
    }

    /** Asks the child to close its fleet, then ends it by force if it has not within a few seconds. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            commands.println("quit");
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String ask(String command, String prefix) throws IOException, InterruptedException {
        commands.println(command);
        String answer = next(ANSWER_SECONDS);
        if (!answer.startsWith(prefix)) {
            throw new IOException("the simulator process answered '" + answer + "' to '" + command + "' (see " + log + ")");
        }
        return answer.substring(prefix.length()).trim();
    }

    private String next(long seconds) throws IOException, InterruptedException {
        String line = answers.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            throw new IOException("the simulator process said nothing for " + seconds + " s"
                    + (process.isAlive() ? "" : " and exited with " + process.exitValue()) + " (see " + log + ")");
        }
        return line;
    }

    /** The simulator bundle and everything it is wired to, as files for a class path. */
    private static String classPath() throws IOException {
        Bundle simulator = FrameworkUtil.getBundle(DeviceSimulator.class);
        Set<Bundle> seen = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>(List.of(simulator));
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
        if (Files.isDirectory(path) && Files.isDirectory(path.resolve("bin"))) {
            return List.of(path.resolve("bin").toString(), path.toString());
        }
        return List.of(path.toString());
    }

    private static URI installArea() {
        String area = OsgiServices.context().getProperty("osgi.install.area");
        if (area == null) {
            throw new IllegalArgumentException("the framework has no osgi.install.area to resolve a relative location against");
        }
        return URI.create(area.replace(" ", "%20"));
    }
}
