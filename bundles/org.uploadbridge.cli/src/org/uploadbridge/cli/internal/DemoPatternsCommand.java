package org.uploadbridge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;

/** {@code demo-patterns DIR}: writes the generated example patterns as native files. */
final class DemoPatternsCommand implements Cli.Command {

    private final PrintStream out;

    DemoPatternsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(String[] args) throws UsageException {
        if (args.length != 1 || args[0].startsWith("--")) {
            throw new UsageException("demo-patterns takes one argument: the folder to write into");
        }
        try {
            for (Path written : write(Path.of(args[0]))) {
                out.println("wrote " + written);
            }
            return Cli.OK;
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, false, args[0], e);
        }
    }

    static List<Path> write(Path folder) throws UploadBridgeException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UploadBridgeException(org.uploadbridge.core.format.PatternError.WRITE_FAILED, e, folder, e.getMessage());
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Pattern> entry : DemoPatterns.all().entrySet()) {
            Path file = folder.resolve(entry.getKey());
            NativePatternCodec.write(entry.getValue(), file);
            written.add(file);
        }
        return written;
    }
}
