package org.uploadbridge.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.logging.LogFiles;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.testing.SimulatedFleets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Every class of failure reaches the terminal the one way: code, title, what happened, numbered
 * steps and the pointer into the troubleshooting guide; with {@code --json}, an object with its "code".
 */
class FailureOutputTest {

    private static final int PORT = 18_520;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final CliServices services = new CliServices(FrameworkUtil.getBundle(Cli.class).getBundleContext());
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    @AfterEach
    void close() {
        services.close();
    }

    private Cli cli() {
        outBytes.reset();
        errBytes.reset();
        return new Cli(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8),
                services, new CountDownLatch(1));
    }

    private int run(String... args) {
        return cli().run(args);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private void startFleet(String first) {
        fleet = fleets.start(FleetSpec.of(1, DeviceProfile.esp32()).withFirstAddress(first).withPort(PORT));
    }

    /** The text form: the failure line with code and title, the steps numbered from 1, the guide's section. */
    private void assertGuidance(String subject, String code, String title) {
        assertTrue(out().contains("FAILED   " + subject + ": " + code + " " + title + ": "), out());
        assertTrue(out().contains("      1. "), "numbered steps: " + out());
        assertTrue(out().contains("      See docs/troubleshooting.md#" + code.toLowerCase(java.util.Locale.ROOT)), out());
        assertFalse(out().contains("\tat ") || err().contains("\tat "), "no stack trace: " + out() + err());
    }

    private static JsonObject firstObject(String json) {
        JsonElement parsed = JsonParser.parseString(json);
        return parsed.isJsonArray() ? parsed.getAsJsonArray().get(0).getAsJsonObject() : parsed.getAsJsonObject();
    }

    @Test
    void aDeviceThatStoppedIsReportedWithItsCodeAndSteps() {
        startFleet("127.47.9.1");
        fleet.close(); // the device was there: nothing listens on its port now
        String address = "127.47.9.1:" + PORT;
        assertEquals(Cli.FAILED, run("status", address));
        assertGuidance(address, "UB-D002", "Device not reachable");

        String other = "127.47.9.4:" + PORT; // a device of its own: the first one's breaker counts its failures
        assertEquals(Cli.FAILED, run("status", other, "--json"));
        JsonObject error = firstObject(out());
        assertEquals("UB-D002", error.get("code").getAsString(), out());
        assertTrue(error.get("steps").getAsJsonArray().size() > 0, out());
        assertEquals("docs/troubleshooting.md#ub-d002", error.get("doc").getAsString());
    }

    @Test
    void aDeviceThatKeepsFailingIsPausedByItsBreakerWithThatCode() {
        String address = "127.47.9.5:" + PORT; // nothing listens there
        String code = "";
        for (int i = 0; i < 10 && !code.equals("UB-R001"); i++) {
            assertEquals(Cli.FAILED, run("status", address, "--json"));
            code = firstObject(out()).get("code").getAsString();
        }
        assertEquals("UB-R001", code, "the breaker opens after repeated failures: " + out());
        assertEquals(Cli.FAILED, run("status", address));
        assertGuidance(address, "UB-R001", "Device paused after repeated failures");
    }

    @Test
    void aMissingPatternFileStopsTheUploadWithItsCodeInTextAndJson() {
        startFleet("127.47.9.2");
        String address = "127.47.9.2:" + PORT;
        // The device service reads the file before it contacts the device: the reader's own code is in the detail.
        assertEquals(Cli.FAILED, run("upload", "/no/such/pattern.bin", address));
        assertGuidance(address, "UB-D019", "Pattern file cannot be read");
        assertTrue(out().contains("UB-P017 The file /no/such/pattern.bin does not exist"), out());

        assertEquals(Cli.FAILED, run("upload", "/no/such/pattern.bin", address, "--json"));
        JsonObject upload = firstObject(out());
        assertFalse(upload.get("success").getAsBoolean());
        assertEquals("UB-D019", upload.getAsJsonObject("error").get("code").getAsString(), out());
    }

    @Test
    void aRefusedAddressIsReportedWithItsCodeEvenInJsonUploads() {
        String file = RepositoryFiles.sample("nebula_grid.bin").toString();
        assertEquals(Cli.FAILED, run("upload", file, "8.8.8.8"));
        assertGuidance("address", "UB-V110", "Address outside your local network");

        assertEquals(Cli.FAILED, run("upload", file, "8.8.8.8", "--json"));
        assertEquals("UB-V110", firstObject(out()).get("code").getAsString(), out());
    }

    @Test
    void simulatedDevicesThatCannotStartAreReportedWithTheirCode() {
        startFleet("127.47.9.3");
        assertEquals(Cli.FAILED, run("simulate", "--count", "1", "--first", "127.47.9.3", "--port", Integer.toString(PORT),
                "--for", "1"));
        assertGuidance("simulate", "UB-A007", "Simulated devices could not start");
        assertTrue(out().contains("127.47.9.3 ... port " + PORT), out());
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedWithItsCode(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "a file where the folder should go");
        assertEquals(Cli.FAILED, run("demo-patterns", file.resolve("demo").toString()));
        assertGuidance(file.resolve("demo").toString(), "UB-P016", "Cannot write the pattern file");
    }

    @Test
    void anUnexpectedExceptionIsTheInternalErrorWithTheLogFileAndNoStackTrace() throws Exception {
        Path log = OsgiServices.await(LogFiles.class).currentFile();
        Cli.Command defect = args -> {
            throw new IllegalStateException("frame index -1 (a defect for the test)");
        };
        assertEquals(Cli.INTERNAL, cli().withCommand("explode", defect).run(new String[] { "explode" }));
        assertGuidance("explode", "UB-A001", "Internal error");
        assertTrue(out().contains("IllegalStateException: frame index -1 (a defect for the test)"), out());
        assertTrue(out().contains(log.toString()), "names the log file: " + out());

        assertEquals(Cli.INTERNAL, cli().withCommand("explode", defect).run(new String[] { "explode", "--json" }));
        JsonObject error = firstObject(out());
        assertEquals("UB-A001", error.get("code").getAsString(), out());
        assertTrue(error.get("message").getAsString().contains(log.toString()), out());
        assertFalse(out().contains("\tat "), out());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log).contains("frame index -1 (a defect for the test)")
                && Files.readString(log).contains("\tat "))) {
            assertTrue(System.nanoTime() < deadline, "the stack trace in " + log);
            Thread.sleep(50);
        }
    }

    @Test
    void aCataloguedFailureCarriedThroughAnUncheckedExceptionIsPrintedAsItself() {
        Cli.Command missing = args -> {
            UploadBridgeException e = new UploadBridgeException(ApplicationError.SERVICE_MISSING, "DeviceService", "the command");
            throw new IllegalStateException(e.getMessage(), e);
        };
        assertEquals(Cli.FAILED, cli().withCommand("needs-devices", missing).run(new String[] { "needs-devices", "--json" }));
        assertEquals("UB-A002", firstObject(out()).get("code").getAsString(), out());
    }
}
