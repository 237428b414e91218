package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.uploadbridge.core.device.Capability;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.devices.UploadOutcome;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * {@code upload FILE ADDR... [--concurrency N] [--play-for SECONDS] [--allow-public] [--json]}:
 * validates, sends and verifies one pattern on one device or a whole fleet in parallel, with a
 * result per device. Devices that play only while streamed ({@code LIVE_STREAM}, e.g. WLED) play
 * while this process runs: until Ctrl+C, or for {@code --play-for} seconds.
 */
final class UploadCommand implements Cli.Command {

    static final int DEFAULT_CONCURRENCY = 8;

    private final PrintStream out;
    private final CliServices services;
    private final CountDownLatch stopped;

    UploadCommand(PrintStream out, CliServices services, CountDownLatch stopped) {
        this.out = out;
        this.services = services;
        this.stopped = stopped;
    }

    @Override
    public int run(String[] args) throws UsageException {
        boolean json = false;
        int concurrency = DEFAULT_CONCURRENCY;
        Integer playFor = null;
        PolicyMode mode = PolicyMode.LAN_ONLY;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--allow-public" -> mode = PolicyMode.ALLOW_PUBLIC;
                case "--play-for" -> playFor = Options.positiveInt("--play-for", Options.value(args, ++i, "--play-for"), 86_400);
                case "--concurrency" -> concurrency = Options.positiveInt("--concurrency", Options.value(args, ++i, "--concurrency"), 256);
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("Unknown option for upload: " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.size() < 2) {
            throw new UsageException("upload needs a pattern file and at least one device address");
        }
        Path file = Path.of(positional.get(0));
        List<DeviceAddress> addresses;
        try {
            addresses = DeviceArguments.parse(services.addressPolicy(), positional.subList(1, positional.size()), mode);
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, json, "address", e);
        }
        boolean quiet = json;
        List<FleetResult> results;
        if (addresses.size() == 1) {
            results = List.of(single(addresses.get(0), file, quiet));
        } else {
            int[] done = { 0 };
            results = services.devices().uploadToFleet(addresses, file, concurrency, result -> {
                if (!quiet) {
                    synchronized (out) {
                        print(result, ++done[0], addresses.size());
                    }
                }
            });
        }
        long ok = results.stream().filter(FleetResult::isSuccess).count();
        if (json) {
            out.println(Json.GSON.toJson(results.stream().map(UploadCommand::json).toList()));
        } else {
            if (addresses.size() == 1) {
                print(results.get(0), 1, 1);
            }
            out.println(ok + " of " + results.size() + " device(s) confirmed the pattern.");
        }
        keepStreaming(results, playFor, json);
        return ok == results.size() ? Cli.OK : Cli.FAILED;
    }

    /** Streams end with this process: hold it while live-stream devices play, until Ctrl+C or {@code playFor} seconds. */
    private void keepStreaming(List<FleetResult> results, Integer playFor, boolean json) {
        List<UploadOutcome> streaming = results.stream().flatMap(result -> result.outcome().stream())
                .filter(outcome -> outcome.verifiedStatus().supports(Capability.LIVE_STREAM)).toList();
        if (streaming.isEmpty()) {
            return;
        }
        if (!json) {
            out.println(streaming.size() + " device(s) play the pattern while this command runs: "
                    + (playFor == null ? "press Ctrl+C to stop (or use --play-for SECONDS)." : "for " + playFor + " s."));
        }
        try {
            if (playFor == null) {
                stopped.await();
            } else {
                stopped.await(playFor, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (UploadOutcome outcome : streaming) {
            try {
                services.devices().stopStream(outcome.address());
            } catch (UploadBridgeException e) {
                DeviceOutput.printError(out, outcome.address().toString(), e);
            }
        }
    }

    private FleetResult single(DeviceAddress address, Path file, boolean quiet) {
        boolean terminal = !quiet && System.console() != null;
        TransferProgress progress = terminal ? (sent, total) -> {
            synchronized (out) {
                out.printf("\r  sending %s: %3d%% (%d of %d bytes)", file.getFileName(), total == 0 ? 100 : sent * 100 / total, sent, total);
                if (sent >= total) {
                    out.println();
                }
            }
        } : TransferProgress.NONE;
        try {
            return FleetResult.succeeded(services.devices().upload(address, file, progress));
        } catch (UploadBridgeException e) {
            return FleetResult.failed(address, e);
        }
    }

    private void print(FleetResult result, int index, int total) {
        String prefix = total > 1 ? "[" + index + "/" + total + "] " : "";
        if (result.isSuccess()) {
            UploadOutcome o = result.outcome().orElseThrow();
            out.println(prefix + "OK       " + o.address() + ": " + o.receipt().deviceMessage() + ", verified in "
                    + o.elapsed().toMillis() + " ms");
        } else {
            DeviceOutput.printError(out, prefix + result.address(), result.failure().orElseThrow());
        }
    }

    private static Json.UploadOutput json(FleetResult result) {
        if (result.isSuccess()) {
            UploadOutcome o = result.outcome().orElseThrow();
            return new Json.UploadOutput(o.address().toString(), true, o.receipt().deviceMessage(), o.receipt().sha256(),
                    o.receipt().bytesSent(), o.elapsed().toMillis(), DeviceOutput.json(o.verifiedStatus()), null);
        }
        return new Json.UploadOutput(result.address().toString(), false, null, null, 0, 0, null,
                DeviceOutput.json(result.address().toString(), result.failure().orElseThrow()));
    }
}
