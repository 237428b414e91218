package org.uploadbridge.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.testing.ChildJvm;

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
        command.add(ChildJvm.java());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ChildJvm.classPath(FrameworkUtil.getBundle(DeviceSimulator.class)));
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
}
