package org.uploadbridge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.devices.ScanSummary;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.testing.GuardConfiguration;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.TestLicences;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * Uploads and scans against simulated devices on loopback, each beside a baseline measured in the
 * same run (curl, one device, nmap). The simulated devices run in a child JVM, so the heap and CPU
 * figures are the client's own. Prints figures; asserts only that the work was done right.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the scan first: its first round runs cold code, as a CLI scan does
class DeviceBenchmark {

    private static final int ROUNDS = 3;
    /** One 64 MB upload takes a fraction of a second: more pairs make the ratio robust to a busy moment. */
    private static final int UPLOAD_ROUNDS = 7;
    /** The first scan runs cold code (as a CLI scan does); the JIT needs a few more to compile the path. */
    private static final int SCAN_ROUNDS = 8;
    /** Uploads before the measured ones: the JIT compiles the path meanwhile, on the same two cores. */
    private static final int WARM_UPS = Integer.getInteger("benchmark.upload.warmups", 3);
    /** The fleet concurrency the issue measured first; the fleet is also run with all devices at once. */
    private static final int PARTIAL_CONCURRENCY = 150;
    /** The simulator's JVM: room for a 64 MB body it keeps whole, as a device would. */
    private static final List<String> SIMULATOR_JVM = simulatorJvm();
    /**
     * Big enough for any benchmark pattern: the simulated device must accept, not refuse, it. The
     * fleet answers some requests before it is ready: real devices have no JIT to warm up.
     */
    private static final List<String> ROOMY = List.of("profile=esp32", "freeHeap=" + (256L << 20), "maxLeds=65535",
            "warmup=4000");

    private final DeviceService devices = OsgiServices.await(DeviceService.class);
    private final DeviceDiscovery discovery = OsgiServices.await(DeviceDiscovery.class);

    @BeforeAll
    static void liftQuotasAndLicenceLimits() throws IOException {
        // The fleet run uploads to its first device nine times: more than the default quota of 10 an hour leaves room for.
        GuardConfiguration.noQuotas();
        // The simulator runs in its own JVM, so its devices count like real ones: a fleet needs a licence.
        TestLicences.install(TestLicences.unlimited("benchmark"), Files.createTempDirectory("benchmark-licence"));
    }

    @AfterAll
    static void restoreGuardAndLicence() {
        GuardConfiguration.restoreDefaults();
        TestLicences.removeAndDistrust();
    }

    @Test
    @Order(2)
    void oneLargeUploadAgainstCurl(@TempDir Path dir) throws Exception {
        int megabytes = Integer.getInteger("benchmark.upload.mb", 4);
        Path file = pattern(dir.resolve("large.bin"), 4_000, megabytes * 1_000_000L);
        long size = Files.size(file);
        try (FleetChild fleet = FleetChild.start(SIMULATOR_JVM, options(ROOMY, "count=1", "first=127.50.0.1", "port=18800"))) {
            DeviceAddress device = new DeviceAddress("127.50.0.1", 18_800);
            DeviceDriver driver = devices.drivers().stream().filter(d -> "classic".equals(d.firmwareId())).findFirst().orElseThrow();
            String sha256 = null;
            for (int i = 0; i < WARM_UPS; i++) {
                sha256 = driver.upload(device, file, TransferProgress.NONE).sha256(); // compiled code, as in a long-running workbench
            }
            List<String> expected = List.of(Long.toString(size), sha256);
            double[] ours = new double[UPLOAD_ROUNDS];
            double[] sending = new double[UPLOAD_ROUNDS];
            double[] curl = new double[UPLOAD_ROUNDS];
            double[] ratio = new double[UPLOAD_ROUNDS];
            long[] cpu = new long[UPLOAD_ROUNDS];
            long[] javaCpu = new long[UPLOAD_ROUNDS];
            long[] curlCpu = new long[UPLOAD_ROUNDS];
            for (int round = 0; round < UPLOAD_ROUNDS; round++) {
                // Each pair runs back to back, in turns first: a busy moment of the machine hits both sides.
                boolean curlFirst = round % 2 == 1;
                if (curlFirst) {
                    curl[round] = CurlBaseline.upload(fleet, file, dir.resolve("curl-cpu.txt"), expected);
                    curlCpu[round] = CurlBaseline.cpuMillis(dir.resolve("curl-cpu.txt"));
                }
                fleet.reset();
                long cpu0 = Figures.cpuMillis(ProcessHandle.current());
                long javaCpu0 = Figures.javaThreadsCpuMillis();
                long t0 = System.nanoTime();
                long[] lastByte = new long[1];
                UploadReceipt receipt = driver.upload(device, file, (sent, total) -> {
                    if (sent == total) {
                        lastByte[0] = System.nanoTime();
                    }
                });
                ours[round] = (System.nanoTime() - t0) / 1e9;
                sending[round] = (lastByte[0] - t0) / 1e9;
                cpu[round] = Figures.cpuMillis(ProcessHandle.current()) - cpu0;
                javaCpu[round] = Figures.javaThreadsCpuMillis() - javaCpu0;
                assertEquals(sha256, receipt.sha256());
                assertEquals(expected, fleet.lastAccepted(0), "the device got the file's bytes");
                if (!curlFirst) {
                    curl[round] = CurlBaseline.upload(fleet, file, dir.resolve("curl-cpu.txt"), expected);
                    curlCpu[round] = CurlBaseline.cpuMillis(dir.resolve("curl-cpu.txt"));
                }
                ratio[round] = curl[round] / ours[round];
            }
            // The heap is watched in a round of its own: sampling it costs CPU that the timed rounds should not pay.
            long baseline = Figures.usedHeapAfterGc();
            HeapWatch watch = HeapWatch.start();
            driver.upload(device, file, TransferProgress.NONE);
            long heapGrowth = watch.stop() - baseline;
            double[] sortedRatios = ratio.clone();
            java.util.Arrays.sort(sortedRatios);
            Figures.report("upload", String.format("upload benchmark: %,d bytes to one simulated device (simulator in its own JVM),"
                    + " %d rounds of ours and curl's after %d warm-ups, medians%n"
                    + "  Upload Bridge (driver, streamed) : %8.1f MB/s (%,.0f ms sending, %,.0f ms more until the device answered)%n"
                    + "  curl -F (same endpoint)          : %8.1f MB/s%n"
                    + "  ratio (median of the rounds)     : %8.2f x curl (goal >= 0.95); rounds from %.2f to %.2f%n"
                    + "  CPU per upload                   : client %,d ms (%,d ms in Java threads, the rest JIT and GC), curl %s ms%n"
                    + "  SHA-256 of the file in this JVM  : %8.0f ms (the receipt's hash, taken while sending; curl hashes nothing)%n"
                    + "  client heap growth (peak - after GC): %5.1f MB over one more upload (goal < 16 MB)%n",
                    size, UPLOAD_ROUNDS, WARM_UPS, size / 1e6 / Figures.median(ours), Figures.median(sending) * 1000,
                    (Figures.median(ours) - Figures.median(sending)) * 1000, size / 1e6 / Figures.median(curl),
                    Figures.median(ratio), sortedRatios[0], sortedRatios[UPLOAD_ROUNDS - 1], (long) Figures.median(toDouble(cpu)),
                    (long) Figures.median(toDouble(javaCpu)),
                    curlCpu[0] < 0 ? "?" : String.format("%,d", (long) Figures.median(toDouble(curlCpu))), Figures.sha256Millis(file, ROUNDS),
                    heapGrowth / 1e6));
        }
    }

    @Test
    @Order(3)
    void fleetUploadAgainstOneDevice(@TempDir Path dir) throws Exception {
        int count = Integer.getInteger("benchmark.fleet.devices", 20);
        Path file = pattern(dir.resolve("fleet.bin"), 500, 50_000);
        // Devices take uploads at an ESP8266's pace (about 0.5 MB/s): the fleet is bound by the devices, as on a show night.
        String[] esp8266Pace = options(ROOMY, "bandwidth=" + DeviceProfile.ESP8266_BYTES_PER_SECOND, "count=" + count,
                "first=127.52.0.1", "port=18801");
        try (FleetChild fleet = FleetChild.start(SIMULATOR_JVM, esp8266Pace)) {
            List<DeviceAddress> addresses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                addresses.add(new DeviceAddress(hostOf("127.52.0.1", i), 18_801));
            }
            String sha = devices.upload(addresses.get(0), file, TransferProgress.NONE).receipt().sha256(); // warm up once
            double[] one = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                devices.upload(addresses.get(0), file, TransferProgress.NONE);
                one[round] = (System.nanoTime() - t0) / 1e9;
            }
            double oneMs = Figures.median(one) * 1000;
            StringBuilder text = new StringBuilder(String.format("fleet benchmark: %,d-byte pattern, validated, sent and verified,"
                    + " devices at 0.5 MB/s (simulator in its own JVM)%n  one device (median of %d)              : %8.1f ms%n",
                    Files.size(file), ROUNDS, oneMs));
            FleetRun first = fleetRun(fleet, addresses, file, sha, count, "first contact", oneMs);
            text.append(first.line());
            double[] known = new double[Integer.getInteger("benchmark.fleet.repeats", 3)];
            for (int r = 0; r < known.length; r++) {
                FleetRun again = fleetRun(fleet, addresses, file, sha, count, "known devices", oneMs);
                text.append(again.line());
                known[r] = again.ms();
            }
            text.append(fleetRun(fleet, addresses, file, sha, Math.min(count, PARTIAL_CONCURRENCY), "known devices", oneMs).line());
            text.append(String.format("  ratio, all at once            : %8.2f x one device at first contact, %.2f x for known devices"
                    + " (median of %d) (goal <= 1.5 for 500 devices)%n", first.ms() / oneMs,
                    known.length == 0 ? Double.NaN : Figures.median(known) / oneMs, known.length));
            Figures.report("fleet", text.toString());
        }
    }

    /** How long one fleet upload took, and its line of figures. */
    private record FleetRun(double ms, String line) {
    }

    /** One fleet upload, checked on every device. */
    private FleetRun fleetRun(FleetChild fleet, List<DeviceAddress> addresses, Path file, String sha, int concurrency,
            String devicesWere, double oneMs) throws Exception {
        fleet.reset();
        ProcessHandle simulator = ProcessHandle.of(fleet.pid()).orElseThrow();
        long cpu0 = Figures.cpuMillis(ProcessHandle.current());
        long javaCpu0 = Figures.javaThreadsCpuMillis();
        long simCpu0 = Figures.cpuMillis(simulator);
        long t0 = System.nanoTime();
        List<FleetResult> results = devices.uploadToFleet(addresses, file, concurrency, r -> { });
        double ms = (System.nanoTime() - t0) / 1e6;
        long cpu = Figures.cpuMillis(ProcessHandle.current()) - cpu0;
        long javaCpu = Figures.javaThreadsCpuMillis() - javaCpu0;
        long simCpu = Figures.cpuMillis(simulator) - simCpu0;
        assertEquals(addresses.size(), results.stream().filter(FleetResult::isSuccess).count(), "every device confirmed");
        assertEquals(addresses.size(), fleet.holding(sha), "every device holds exactly the sent bytes");
        double requests = fleet.requests() / (double) addresses.size();
        int cores = Runtime.getRuntime().availableProcessors();
        // Both JVMs share this machine's cores: their CPU time over the cores is the least the run can take here.
        return new FleetRun(ms, String.format("  %d devices, %3d at a time, %-13s: %8.1f ms = %5.2f x one device; %.1f requests per"
                + " device; CPU client %,d ms (%,d in Java threads) + simulator %,d ms = at least %,d ms on %d cores%n",
                addresses.size(), concurrency, devicesWere, ms, ms / oneMs, requests, cpu, javaCpu, simCpu, (cpu + simCpu) / cores,
                cores));
    }

    @Test
    @Order(1)
    void scanAgainstNmap() throws Exception {
        int prefix = Integer.getInteger("benchmark.scan.prefix", 24);
        int live = prefix <= 22 ? 64 : 8;
        String cidr = "127.53.0.0/" + prefix;
        try (FleetChild fleet = FleetChild.start(SIMULATOR_JVM, options(ROOMY, "count=" + live, "first=127.53.0.1", "port=18802"))) {
            double[] ours = new double[SCAN_ROUNDS];
            for (int round = 0; round < SCAN_ROUNDS; round++) {
                long t0 = System.nanoTime();
                ScanSummary summary = discovery.scan(cidr, 18_802, PolicyMode.LAN_ONLY, DeviceDiscovery.DEFAULT_IN_FLIGHT,
                        Duration.ofMillis(500), s -> { }, () -> false);
                ours[round] = (System.nanoTime() - t0) / 1e6;
                assertEquals(live, summary.devices().size(), "every live device found");
                assertEquals(live, summary.listening(), "nothing else listens in the range");
            }
            // The same range on a port nobody listens on: only the TCP connects (each refused at once).
            double[] connects = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                ScanSummary empty = discovery.scan(cidr, 18_803, PolicyMode.LAN_ONLY, DeviceDiscovery.DEFAULT_IN_FLIGHT,
                        Duration.ofMillis(500), s -> { }, () -> false);
                connects[round] = (System.nanoTime() - t0) / 1e6;
                assertEquals(0, empty.listening());
            }
            double[] nmap = new double[ROUNDS];
            String nmapNote = "";
            for (int round = 0; round < ROUNDS && nmapNote.isEmpty(); round++) {
                nmap[round] = nmap(cidr, 18_802, live);
                nmapNote = nmap[round] < 0 ? "not installed (apt-get install nmap): no baseline this run" : "";
            }
            double warm = Figures.median(java.util.Arrays.copyOfRange(ours, 1, SCAN_ROUNDS));
            Figures.report("scan", String.format("scan benchmark: %s (%,d addresses), %d live simulated devices on port 18802"
                    + " (simulator in its own JVM), %d hosts in flight%n"
                    + "  Upload Bridge, first scan of the run   : %8.1f ms (connect, then identify the listening hosts)%n"
                    + "  Upload Bridge, next %d scans (median)   : %8.1f ms%n"
                    + "  same range, a port nobody listens on   : %8.1f ms (connect() calls only; nmap sends raw SYN packets)%n"
                    + "  nmap -n -Pn -p PORT --open (median of %d): %s%n"
                    + "  ratio (next scans)                     : %8.2f x nmap (goal <= 1)%n",
                    cidr, (1L << (32 - prefix)) - 2, live, DeviceDiscovery.DEFAULT_IN_FLIGHT, ours[0], SCAN_ROUNDS - 1, warm,
                    Figures.median(connects), ROUNDS, nmapNote.isEmpty() ? String.format("%6.1f ms", Figures.median(nmap)) : nmapNote,
                    nmapNote.isEmpty() ? warm / Figures.median(nmap) : Double.NaN));
        }
    }

    /** The simulator's JVM options, plus the comma-separated ones of {@code benchmark.simulator.jvm} (e.g. a flight recording). */
    private static List<String> simulatorJvm() {
        List<String> options = new ArrayList<>(List.of("-Xms512m", "-Xmx2g"));
        String extra = System.getProperty("benchmark.simulator.jvm", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split(",")));
        }
        return options;
    }

    /** nmap's time in ms on the same range, after checking it found every device; -1 when nmap is not installed. */
    private static double nmap(String cidr, int port, int live) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("nmap", "-n", "-Pn", "-p", Integer.toString(port), "--open", cidr);
        long t0 = System.nanoTime();
        Process process;
        try {
            process = builder.redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return -1;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "nmap ended");
        double ms = (System.nanoTime() - t0) / 1e6;
        long open = output.lines().filter(l -> l.contains("/tcp") && l.contains("open")).count();
        assertEquals(live, open, "nmap found every device");
        return ms;
    }

    private static String[] options(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The address of device {@code index} of a fleet from {@code first}: host octets 0 and 255 are skipped. */
    private static String hostOf(String first, int index) {
        String[] octets = first.split("\\.");
        int value = Integer.parseInt(octets[2]) * 254 + Integer.parseInt(octets[3]) - 1 + index;
        return octets[0] + "." + octets[1] + "." + value / 254 + "." + (value % 254 + 1);
    }

    private static double[] toDouble(long[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
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
}
