package org.uploadbridge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code curl -F} to the upload benchmark's simulated device: the baseline the client is measured against. */
final class CurlBaseline {

    private CurlBaseline() {
    }

    /** curl's upload of {@code file} to the device, checked; its time in seconds. */
    static double upload(FleetChild fleet, Path file, Path cpuFile, List<String> expected) throws Exception {
        fleet.reset();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command(cpuFile, "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "-F", "file=@" + file + ";filename=large.bin", "http://127.50.0.1:18800/api/upload")).start();
        String status = new String(process.getInputStream().readAllBytes()).trim();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("200", status, "curl's upload was accepted");
        assertEquals(expected, fleet.lastAccepted(0), "curl sent the same bytes");
        return seconds;
    }

    /** curl, under /usr/bin/time when there is one so that its CPU time is known too. */
    private static List<String> command(Path cpuFile, String... arguments) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/time"))) {
            command.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()));
        }
        command.add("curl");
        command.addAll(List.of(arguments));
        return command;
    }

    /** User + system CPU in ms that /usr/bin/time wrote, or -1 without it. */
    static long cpuMillis(Path cpuFile) throws IOException {
        if (!Files.exists(cpuFile)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(cpuFile);
        String[] seconds = lines.get(lines.size() - 1).trim().split("\\s+");
        return Math.round((Double.parseDouble(seconds[0]) + Double.parseDouble(seconds[1])) * 1000);
    }
}
