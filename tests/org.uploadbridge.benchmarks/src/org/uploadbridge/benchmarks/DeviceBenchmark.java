package org.uploadbridge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * Uploads and scans against simulated devices on loopback, each beside a baseline measured in the
 * same run (curl, one device, nmap). Prints figures; asserts only that the work was done right.
 */
class DeviceBenchmark {

    private static final int ROUNDS = 3;
    /** As many uploads at once as the simulator's threads can serve (its pool holds 200). */
    private static final int FLEET_CONCURRENCY = 150;
    /** Big enough for any benchmark pattern: the simulated device must accept, not refuse, it. */
    private static final DeviceProfile ROOMY = DeviceProfile.esp32().withFreeHeap(256L << 20).withMaxLeds(65_535);

    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final DeviceDiscovery discovery = OsgiServices.await(DeviceDiscovery.class);
    private final DeviceSimulator simulator = OsgiServices.await(DeviceSimulator.class);

    @Test
    void oneLargeUploadAgainstCurl(@TempDir Path dir) throws Exception {
        int megabytes = Integer.getInteger("benchmark.upload.mb", 4);
        Path file = pattern(dir.resolve("large.bin"), 4_000, megabytes * 1_000_000L);
        long size = java.nio.file.Files.size(file);
        try (SimulatedFleet fleet = simulator.start(FleetSpec.of(1, ROOMY).withFirstAddress("127.50.0.1").withPort(18_800))) {
            DeviceAddress device = new DeviceAddress("127.50.0.1", 18_800);
            double[] ours = new double[ROUNDS];
            double[] curl = new double[ROUNDS];
            long heapGrowth = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long baseline = Figures.usedHeapAfterGc();
                HeapWatch watch = HeapWatch.start();
                long t0 = System.nanoTime();
                devices.drivers().get(0).upload(device, file, TransferProgress.NONE);
                ours[round] = (System.nanoTime() - t0) / 1e9;
                heapGrowth = Math.max(heapGrowth, watch.stop() - baseline);
                assertEquals(size, fleet.device(0).acceptedPatterns().get(fleet.device(0).acceptedPatterns().size() - 1).size());

                long t1 = System.nanoTime();
                Process process = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                        "-F", "file=@" + file + ";filename=large.bin", "http://127.50.0.1:18800/api/upload").start();
                String status = new String(process.getInputStream().readAllBytes()).trim();
                assertTrue(process.waitFor(120, TimeUnit.SECONDS));
                curl[round] = (System.nanoTime() - t1) / 1e9;
                assertEquals("200", status, "curl's upload was accepted");
            }
            double oursMbps = size / 1e6 / Figures.median(ours);
            double curlMbps = size / 1e6 / Figures.median(curl);
            Figures.report("upload", String.format("upload benchmark: %,d bytes to one simulated device, median of %d rounds%n"
                    + "  Upload Bridge (driver, streamed) : %8.1f MB/s%n"
                    + "  curl -F (same endpoint)          : %8.1f MB/s%n"
                    + "  ratio                            : %8.2f x curl (goal >= 0.95)%n"
                    + "  JVM heap growth during the upload: %8.1f MB (client and simulator share this JVM; goal < 16 MB for the client)%n",
                    size, ROUNDS, oursMbps, curlMbps, oursMbps / curlMbps, heapGrowth / 1e6));
        }
    }

    @Test
    void fleetUploadAgainstOneDevice(@TempDir Path dir) throws Exception {
        int count = Integer.getInteger("benchmark.fleet.devices", 20);
        Path file = pattern(dir.resolve("fleet.bin"), 500, 50_000);
        // Devices take uploads at an ESP8266's pace (about 0.5 MB/s): the fleet is bound by the devices, as on a show night.
        DeviceProfile esp8266Pace = ROOMY.withBandwidth(DeviceProfile.ESP8266_BYTES_PER_SECOND);
        int concurrency = Math.min(count, FLEET_CONCURRENCY);
        try (SimulatedFleet fleet = simulator.start(FleetSpec.of(count, esp8266Pace).withFirstAddress("127.52.0.1").withPort(18_801))) {
            List<DeviceAddress> addresses = fleet.devices().stream()
                    .map(d -> new DeviceAddress(d.address().getAddress().getHostAddress(), 18_801)).toList();
            devices.upload(addresses.get(0), file, TransferProgress.NONE); // warm up the path once
            double[] one = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                devices.upload(addresses.get(0), file, TransferProgress.NONE);
                one[round] = (System.nanoTime() - t0) / 1e9;
            }
            long t1 = System.nanoTime();
            List<FleetResult> results = devices.uploadToFleet(addresses, file, concurrency, r -> { });
            double all = (System.nanoTime() - t1) / 1e9;
            assertEquals(count, results.stream().filter(FleetResult::isSuccess).count(), "every device confirmed");
            Figures.report("fleet", String.format("fleet benchmark: %,d-byte pattern, validated, sent and verified, devices at 0.5 MB/s%n"
                    + "  one device (median of %d)  : %8.1f ms%n"
                    + "  %d devices, %d at a time : %8.1f ms%n"
                    + "  ratio                      : %8.2f x one device (goal <= 1.5 for 500 devices)%n",
                    java.nio.file.Files.size(file), ROUNDS, Figures.median(one) * 1000, count, concurrency, all * 1000, all / Figures.median(one)));
        }
    }

    @Test
    void scanAgainstNmap() throws Exception {
        int prefix = Integer.getInteger("benchmark.scan.prefix", 24);
        int live = prefix <= 22 ? 64 : 8;
        String cidr = "127.53.0.0/" + prefix;
        try (SimulatedFleet fleet = simulator.start(FleetSpec.of(live, ROOMY).withFirstAddress("127.53.0.1").withPort(18_802))) {
            long t0 = System.nanoTime();
            ScanSummary summary = discovery.scan(cidr, 18_802, PolicyMode.LAN_ONLY, DeviceDiscovery.DEFAULT_IN_FLIGHT,
                    Duration.ofMillis(500), s -> { }, () -> false);
            double ours = (System.nanoTime() - t0) / 1e9;
            assertEquals(live, summary.devices().size());
            String nmap = nmap(cidr, 18_802, live);
            Figures.report("scan", String.format("scan benchmark: %s (%,d addresses), %d live simulated devices on port 18802%n"
                    + "  Upload Bridge (connect + identify): %8.1f ms, %d devices found%n"
                    + "  %s%n", cidr, summary.scanned(), live, ours * 1000, summary.devices().size(), nmap));
        }
    }

    /** nmap's time on the same range, or why it was not measured. */
    private static String nmap(String cidr, int port, int live) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("nmap", "-n", "-Pn", "-p", Integer.toString(port), "--open", cidr);
        long t0 = System.nanoTime();
        Process process;
        try {
            process = builder.redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return "nmap -p PORT --open                : not installed (apt-get install nmap), no baseline this run";
        }
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long open = output.lines().filter(l -> l.contains("/tcp") && l.contains("open")).count();
        return String.format("nmap -n -Pn -p PORT --open         : %8.1f ms, %d open (expected %d)", seconds * 1000, open, live);
    }

    /** A native pattern of about {@code bytes} bytes, written frame by frame. */
    static Path pattern(Path file, int leds, long bytes) throws IOException {
        int frameBytes = 2 + leds * 3;
        int frames = (int) Math.max(1, Math.min(65_535, (bytes - 4) / frameBytes));
        ByteBuffer frame = ByteBuffer.allocate(frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) leds).putShort((short) frames).flip());
            for (int f = 0; f < frames; f++) {
                frame.clear();
                frame.putShort((short) 40);
                while (frame.hasRemaining()) {
                    frame.put((byte) ((f + frame.position()) % 40));
                }
                frame.flip();
                while (frame.hasRemaining()) {
                    out.write(frame);
                }
            }
        }
        return file;
    }

    /** Samples the used heap every few milliseconds and keeps the peak. */
    private static final class HeapWatch {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        private HeapWatch() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(Figures.usedHeap(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }
}
