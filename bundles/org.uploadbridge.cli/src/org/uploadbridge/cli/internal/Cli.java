package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;

/** Dispatches {@code upload-bridge <command> [options]} to a command. */
final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** A defect: the catalogued internal error (UB-A001) was printed and the stack trace logged. */
    static final int INTERNAL = 3;

    static final String USAGE_TEXT = """
            Usage: upload-bridge <command> [options]

            Commands:
              validate FILE... [--leds N | --size WxH] [--target esp8266|esp32] [--json]
                  Read and check pattern files. Exit 0 when all are valid, 1 when any is not.
                  --leds N / --size WxH give the layout of headerless raw RGB files.
              demo-patterns DIR
                  Write a set of generated example patterns (strips and matrices) into DIR.
              demo [--dir DIR]
                  The headless tour: write the example patterns, validate them and print a summary.
              scan [CIDR] [--mdns [SECONDS]] [--port P] [--timeout-ms T] [--allow-public] [--json]
                  Find LED controllers on a subnet (LAN and loopback only unless --allow-public),
                  by mDNS announcements (--mdns, 3 s unless SECONDS), or both, merged by MAC.
              status ADDR... [--allow-public] [--json]
                  What each device plays and can do, its breaker, its upload quota and its health.
                  ADDR is host[:port], e.g. 192.168.4.1 or 127.42.0.1:8080.
              upload FILE ADDR... [--concurrency N] [--play-for SECONDS] [--allow-public] [--json]
                  Validate a pattern against each device, send it and verify it; many devices in parallel.
                  Devices that play only while streamed (WLED) play it until Ctrl+C, or --play-for SECONDS.
              power ADDR on|off | brightness ADDR 1..255 | blink ADDR | play ADDR NAME | stop ADDR
                       [--allow-public] [--json]
                  Turn the light on or off, set its brightness, make it blink to find it, play a pattern
                  of its library, or stop the live stream an upload started.
              limits ADDR [--profile esp8266|esp32|none] [--max-leds N] [--ram BYTES] [--power-ma MA] [--json]
                  Show or set what a device holds where its firmware does not say (the classic firmware
                  reports no limits); uploads to it are checked against these before anything is sent.
              metrics [--json | --csv]
                  Each device's health (0-100), uploads, failures, retries and status latency, as kept
                  in the workspace across runs; the formula is in docs/metrics.md.
              license status | install FILE | remove | fingerprint [--json]
                  The licence in force (edition, what it allows, expiry, warnings); install a licence
                  file; remove it (the free edition: 3 devices, one at a time, no firmware update);
                  this machine's fingerprint, to send to the vendor for a licence (docs/licensing.md).
              firmware ADDR IMAGE [--allow-public] [--json]
                  Send a firmware image to a device (extended firmware builds; the device reboots).
                  Needs a licence that includes firmware updates.
              drivers [--json] | drivers install FILE [--json]
                  The firmware drivers installed now and the firmware folder: a firmware bundle's jar
                  dropped there (install FILE checks and copies it) is installed and its devices appear,
                  without a restart; delete it there to remove it.
              library ADDR [--allow-public] [--json]
                  The patterns stored on a device (firmware builds with a pattern library).
              simulate [--count N] [--profile esp8266|esp32|wled] [--first 127.42.0.1] [--port 8080]
                       [--bandwidth BYTES_PER_S] [--mdns] [--faults RATE [--seed N]] [--for SECONDS]
                  Run simulated classic devices (or WLED 0.15.0 ones: --profile wled) on loopback until Ctrl+C
                  (--mdns: they announce themselves over mDNS on loopback too;
                  --faults 0.1: one upload in ten, and a few less other requests, fail by a connection
                  reset mid-upload, a 503, or truncated or invalid JSON; the same --seed repeats them).
              devices [--json] | devices add ADDR... | devices remove ADDR...
                  Your devices, in order (the Devices view's list, with a distribution's preset devices);
                  add or remove some.
              settings [PID] [--json]
                  Every setting in force (retries, quotas, timeouts, network, logging...), as the
                  preference pages, the distribution's defaults or you left them.
              version
                  Print the version (and the distribution's name and version, when it is branded).
              help
                  Print this text.

            Exit codes: 0 success; 1 a failure, printed with its code, title, what happened, numbered steps
            and a pointer into docs/troubleshooting.md ("code" and the rest in --json); 2 a usage error;
            3 an internal error (UB-A001; the stack trace is in the log file it names).
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final CliServices services;
    private final CountDownLatch stopped;
    private final Map<String, Command> extraCommands = new java.util.HashMap<>();

    Cli(PrintStream out, PrintStream err, CliServices services) {
        this(out, err, services, new CountDownLatch(1));
    }

    /** {@code stopped} is released when the application is asked to stop (long-running commands end then). */
    Cli(PrintStream out, PrintStream err, CliServices services, CountDownLatch stopped) {
        this.out = out;
        this.err = err;
        this.services = services;
        this.stopped = stopped;
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return dispatch(args[0], rest);
        } catch (RuntimeException | LinkageError e) {
            return unexpected(args[0], rest, e);
        }
    }

    private int dispatch(String name, String[] rest) {
        Map<String, Command> commands = Map.ofEntries(
                Map.entry("validate", new ValidateCommand(out, services)),
                Map.entry("demo-patterns", new DemoPatternsCommand(out)),
                Map.entry("demo", new DemoCommand(out, services)),
                Map.entry("scan", new ScanCommand(out, services)),
                Map.entry("limits", new LimitsCommand(out, services)),
                Map.entry("status", new StatusCommand(out, services)),
                Map.entry("upload", new UploadCommand(out, services, stopped)),
                Map.entry("power", new ControlCommand(out, services, "power")),
                Map.entry("brightness", new ControlCommand(out, services, "brightness")),
                Map.entry("blink", new ControlCommand(out, services, "blink")),
                Map.entry("play", new ControlCommand(out, services, "play")),
                Map.entry("stop", new ControlCommand(out, services, "stop")),
                Map.entry("drivers", new DriversCommand(out, services)),
                Map.entry("library", new LibraryCommand(out, services)),
                Map.entry("metrics", new MetricsCommand(out, services)),
                Map.entry("devices", new DevicesCommand(out, services)),
                Map.entry("settings", new SettingsCommand(out, services)),
                Map.entry("license", new LicenseCommand(out, services)),
                Map.entry("firmware", new FirmwareCommand(out, services)),
                Map.entry("simulate", new SimulateCommand(out, services, stopped)));
        try {
            switch (name) {
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "version", "--version" -> {
                    out.println(version());
                    return OK;
                }
                default -> {
                    Command command = extraCommands.containsKey(name) ? extraCommands.get(name) : commands.get(name);
                    if (command == null) {
                        throw new UsageException("Unknown command: " + name);
                    }
                    return command.run(rest);
                }
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
    }

    /**
     * "Upload Bridge 0.1.0.q", or in a distribution branded by another bundle (a studio's), its product's
     * name and version first: "Lumen Bridge 1.0.0.q (Upload Bridge 0.1.0.q)".
     */
    private static String version() {
        String ours = "Upload Bridge " + FrameworkUtil.getBundle(Cli.class).getVersion();
        IProduct product = Platform.getProduct();
        if (product == null || product.getDefiningBundle() == null
                || product.getDefiningBundle().getSymbolicName().startsWith("org.uploadbridge.")) {
            return ours;
        }
        return product.getName() + " " + product.getDefiningBundle().getVersion() + " (" + ours + ")";
    }

    /**
     * An exception no command expected: the catalogued internal error on the command's output (in
     * JSON with {@code --json}), the stack trace in the log file only. A catalogued failure carried
     * through an unchecked exception (a service that did not start) is printed as itself.
     */
    private int unexpected(String command, String[] rest, Throwable e) {
        String log = logFile();
        UploadBridgeException failure = ApplicationError.internal("running the " + command + " command", e, log);
        try {
            services.loggers().getLogger(Cli.class).error("{} {}", failure.getMessage(), List.of(rest), e);
        } catch (RuntimeException notLogged) {
            e.addSuppressed(notLogged);
            err.println("The failure could not be logged; its stack trace follows for a bug report.");
            e.printStackTrace(err);
        }
        DeviceOutput.failed(out, Arrays.asList(rest).contains("--json"), command, failure);
        return failure.code() == ApplicationError.INTERNAL ? INTERNAL : FAILED;
    }

    private String logFile() {
        try {
            return services.logFiles().currentFile().toString();
        } catch (RuntimeException e) {
            return "the workspace's .metadata/.log (the Upload Bridge log did not start: " + e.getMessage() + ")";
        }
    }

    /** For tests: a command of their own, run like the built-in ones. */
    Cli withCommand(String name, Command command) {
        extraCommands.put(name, command);
        return this;
    }

    /** One subcommand. */
    interface Command {
        int run(String[] args) throws UsageException;
    }
}
