package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * {@code demo [--dir DIR]}: the README's tour without a display. Writes the example patterns,
 * reads and validates each, and prints what happened.
 */
final class DemoCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    DemoCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        Path dir = Path.of(System.getProperty("user.home"), ".uploadbridge", "demo-patterns");
        for (int i = 0; i < args.length; i++) {
            if ("--dir".equals(args[i])) {
                dir = Path.of(Options.value(args, ++i, "--dir"));
            } else {
                throw new UsageException("Unknown option for demo: " + args[i]);
            }
        }
        out.println("Upload Bridge headless tour (no display: the workbench would show the same patterns).");
        List<Path> files;
        try {
            files = DemoPatternsCommand.write(dir);
        } catch (UploadBridgeException e) {
            out.println(e.getMessage());
            return Cli.FAILED;
        }
        out.println("1. Wrote " + files.size() + " example patterns into " + dir);
        out.println("2. Read and validated each (as the Patterns view does), against an ESP32 running the classic firmware:");
        ValidateCommand validate = new ValidateCommand(out, services);
        int valid = 0;
        for (Path file : files) {
            FileCheck any = validate.check(file, ReadOptions.none(), DeviceLimits.none());
            FileCheck esp32 = validate.check(file, ReadOptions.none(), DeviceLimits.esp32());
            HumanOutput.print(out, esp32);
            if (any.valid()) {
                valid++;
            }
        }
        out.println("3. Summary: " + valid + " of " + files.size() + " patterns are valid files; the findings above say which"
                + " fit an ESP32's memory and power budget.");
        out.println("Open them in the workbench with: ./upload-bridge   (needs a display)");
        return valid == files.size() ? Cli.OK : Cli.FAILED;
    }
}
