package org.uploadbridge.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.FrameworkUtil;

/** Runs CLI commands in the test runtime as a user would, and keeps what each printed. */
final class CliHarness implements AutoCloseable {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes;
    private final CliServices services = new CliServices(FrameworkUtil.getBundle(Cli.class).getBundleContext());

    private CliHarness(boolean merged) {
        this.errBytes = merged ? outBytes : new ByteArrayOutputStream();
    }

    /** Standard output and standard error apart. */
    static CliHarness separate() {
        return new CliHarness(false);
    }

    /** Standard error into standard output, as a terminal shows them. */
    static CliHarness merged() {
        return new CliHarness(true);
    }

    /** Runs one command; what it printed replaces what the one before printed. */
    int run(String... args) {
        outBytes.reset();
        errBytes.reset();
        return new Cli(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8),
                services, new CountDownLatch(1)).run(args);
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    CliServices services() {
        return services;
    }

    @Override
    public void close() {
        services.close();
    }
}
