package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The headless Upload Bridge application: {@code upload-bridge validate FILE...} and friends. Its
 * return value is the process exit code: 0 success, 1 a failed check or operation (a catalogued
 * error), 2 a usage error, 3 a defect (the catalogued internal error UB-A001; see {@link Cli}).
 */
public class CliApplication implements IApplication {

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // Cli.run turns every failure, unexpected ones included, into catalogued output and an exit code.
        try (CliServices services = new CliServices(FrameworkUtil.getBundle(CliApplication.class).getBundleContext())) {
            return new Cli(out, err, services, stopped).run(args == null ? new String[0] : args);
        }
    }

    @Override
    public void stop() {
        stopped.countDown(); // ends a running simulate; other commands are short-lived
    }
}
