package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.validation.pattern.DeviceLimits;

/** {@code validate FILE... [--leds N | --size WxH] [--target esp8266|esp32] [--json]}. */
final class ValidateCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    ValidateCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        List<Path> files = new ArrayList<>();
        ReadOptions options = ReadOptions.none();
        DeviceLimits limits = DeviceLimits.none();
        boolean json = false;
        boolean sizeGiven = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--leds" -> {
                    int leds = Options.positiveInt("--leds", Options.value(args, ++i, "--leds"), 65535);
                    options = sizeGiven ? throwBoth() : ReadOptions.ofLeds(leds);
                    sizeGiven = true;
                }
                case "--size" -> {
                    int[] size = Options.size(Options.value(args, ++i, "--size"));
                    options = sizeGiven ? throwBoth() : ReadOptions.ofMatrix(size[0], size[1]);
                    sizeGiven = true;
                }
                case "--target" -> limits = switch (Options.value(args, ++i, "--target").toLowerCase(Locale.ROOT)) {
                    case "esp8266" -> DeviceLimits.esp8266();
                    case "esp32" -> DeviceLimits.esp32();
                    default -> throw new UsageException("--target takes esp8266 or esp32, not " + args[i]);
                };
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("Unknown option for validate: " + args[i]);
                    }
                    files.add(Path.of(args[i]));
                }
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("validate needs at least one pattern file");
        }
        List<FileCheck> checks = new ArrayList<>();
        for (Path file : files) {
            checks.add(check(file, options, limits));
        }
        boolean allValid = checks.stream().allMatch(FileCheck::valid);
        if (json) {
            out.println(Json.GSON.toJson(new Json.ValidateOutput(allValid, checks)));
        } else {
            checks.forEach(c -> HumanOutput.print(out, c));
            out.println(checks.stream().filter(FileCheck::valid).count() + " of " + checks.size() + " file(s) valid.");
        }
        return allValid ? Cli.OK : Cli.FAILED;
    }

    FileCheck check(Path file, ReadOptions options, DeviceLimits limits) {
        try {
            LoadedPattern loaded = services.patternLoader().load(file, options);
            return FileCheck.of(file, loaded, services.patternValidator().validate(loaded.pattern(), limits));
        } catch (UploadBridgeException e) {
            return FileCheck.failed(file, e);
        }
    }

    private static ReadOptions throwBoth() throws UsageException {
        throw new UsageException("give either --leds or --size, not both");
    }
}
