package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;

/** Dispatches {@code upload-bridge <command> [options]} to a command. */
final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

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
              version
                  Print the version.
              help
                  Print this text.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final CliServices services;

    Cli(PrintStream out, PrintStream err, CliServices services) {
        this.out = out;
        this.err = err;
        this.services = services;
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Map<String, Command> commands = Map.of(
                "validate", new ValidateCommand(out, services),
                "demo-patterns", new DemoPatternsCommand(out),
                "demo", new DemoCommand(out, services));
        try {
            switch (args[0]) {
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "version", "--version" -> {
                    out.println("Upload Bridge " + FrameworkUtil.getBundle(Cli.class).getVersion());
                    return OK;
                }
                default -> {
                    Command command = commands.get(args[0]);
                    if (command == null) {
                        throw new UsageException("Unknown command: " + args[0]);
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

    /** One subcommand. */
    interface Command {
        int run(String[] args) throws UsageException;
    }
}
