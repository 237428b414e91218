package org.uploadbridge.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.testing.LoopbackServer;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.testing.TestLicences;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code license} shows, installs and removes the licence, and the device services enforce the
 * edition for the CLI: the free edition cannot upload to several real devices at once, nor to a
 * fourth device. The targets are plain HTTP servers on loopback that count what reaches them
 * (devices of the built-in simulator are not counted by the licence).
 */
class LicenseCommandTest {

    private final CliHarness cli = CliHarness.merged();
    private final CliServices services = cli.services();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<LoopbackServer> servers = new java.util.ArrayList<>();
    @TempDir
    Path folder;

    @AfterEach
    void close() throws Exception {
        DeviceRegistry registry = OsgiServices.await(DeviceRegistry.class);
        for (LoopbackServer server : servers) {
            registry.remove(server.address());
            server.close();
        }
        TestLicences.removeAndDistrust();
        cli.close();
    }

    @Test
    void theFreeEditionSaysWhatItAllowsAndTheFingerprintIsReadyToCopy() {
        assertEquals(Cli.OK, run("license", "status"));
        assertTrue(out().contains("Edition:      free (free)"), out());
        assertTrue(out().contains("Devices:      up to 3"), out());
        assertTrue(out().contains("Fleet upload: no"), out());
        assertEquals(Cli.OK, run("license", "status", "--json"));
        JsonObject json = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals("free", json.get("status").getAsString());
        assertEquals(3, json.get("maxDevices").getAsInt());
        assertTrue(json.get("fingerprint").getAsString().startsWith("ubfp1:"));
        assertEquals(Cli.OK, run("license", "fingerprint"));
        assertTrue(out().strip().matches("ubfp1:[a-z_]+=[0-9a-f]{32}(,[a-z_]+=[0-9a-f]{32})+"), out());
    }

    @Test
    void theFreeEditionCannotFleetUploadAndNothingIsSent() throws Exception {
        String pattern = RepositoryFiles.sample("nebula_grid.bin").toString();
        assertEquals(Cli.FAILED, run("upload", pattern, server().toString(), server().toString()));
        assertTrue(out().contains("UB-L005 Not included in your licence: Uploading to 2 devices at once needs a licence with \"fleet\""),
                out());
        assertEquals(0, requests.get(), "no request reached a device");

        assertEquals(Cli.FAILED, run("upload", pattern, servers.get(0).address().toString(), servers.get(1).address().toString(), "--json"));
        com.google.gson.JsonElement parsed = JsonParser.parseString(out());
        JsonObject first = parsed.isJsonArray() ? parsed.getAsJsonArray().get(0).getAsJsonObject() : parsed.getAsJsonObject();
        assertEquals("UB-L005", first.getAsJsonObject("error").get("code").getAsString(), out());
        assertEquals(0, requests.get());
    }

    @Test
    void theFreeEditionCannotUpdateFirmwareButSimulatedDevicesAreFree() throws Exception {
        Path image = Files.write(folder.resolve("firmware.bin"), new byte[] {(byte) 0xE9, 1, 2, 3, 4, 5, 6, 7});
        assertEquals(Cli.FAILED, run("firmware", server().toString(), image.toString()));
        assertTrue(out().contains("UB-L005 Not included in your licence: Updating the firmware of 127.0.0.1:"), out());
        assertEquals(0, requests.get(), "nothing reached the device");

        SimulatedFleet fleet = OsgiServices.await(DeviceSimulator.class).start(FleetSpec.of(1, DeviceProfile.esp32())
                .withFirstAddress("127.47.20.1").withPort(18_521));
        try {
            assertEquals(Cli.OK, run("firmware", "127.47.20.1:18521", image.toString()), out());
            assertTrue(out().contains("firmware sent"), out());
        } finally {
            fleet.close();
        }
    }

    @Test
    void theFreeEditionWorksWithThreeDevicesNotAFourth() throws Exception {
        DeviceRegistry registry = OsgiServices.await(DeviceRegistry.class);
        for (int i = 0; i < 3; i++) {
            registry.add(server());
        }
        DeviceAddress fourth = server();
        String pattern = RepositoryFiles.sample("nebula_grid.bin").toString();
        assertEquals(Cli.FAILED, run("upload", pattern, fourth.toString()));
        assertTrue(out().contains("UB-L006 Device limit of your edition reached: The free edition works with up to 3 devices; "
                + fourth + " would be one more"), out());
        assertEquals(0, requests.get(), "nothing reached the fourth device");

        assertEquals(Cli.FAILED, run("upload", pattern, servers.get(0).address().toString()));
        assertFalse(out().contains("UB-L00"), "one of the three is allowed (it is no device, so the upload fails otherwise): " + out());
        assertTrue(requests.get() > 0);
    }

    @Test
    void anInstalledLicenceLiftsTheLimitsAndATamperedOneIsRefused() throws Exception {
        Path issued = TestLicences.write(TestLicences.unlimited("studio"), folder.resolve("studio.json"));
        TestLicences.install(TestLicences.unlimited("studio"), folder); // trusts the test key
        assertEquals(Cli.OK, run("license", "remove"));
        assertTrue(out().contains("Edition:      free"), out());

        byte[] tampered = Files.readAllBytes(issued);
        tampered[40] ^= 0x01;
        Path edited = Files.write(folder.resolve("edited.json"), tampered);
        assertEquals(Cli.FAILED, run("license", "install", edited.toString()));
        assertTrue(out().contains("FAILED   licence: UB-L00"), out());

        assertEquals(Cli.OK, run("license", "install", issued.toString()));
        assertTrue(out().contains("Edition:      studio (valid)"), out());
        assertTrue(out().contains("Devices:      no limit") && out().contains("Fleet upload: yes"), out());

        String pattern = RepositoryFiles.sample("nebula_grid.bin").toString();
        assertEquals(Cli.FAILED, run("upload", pattern, server().toString(), server().toString()));
        assertFalse(out().contains("UB-L0"), "the licence allows it; the servers are no devices: " + out());
        assertTrue(requests.get() > 0, "the upload went ahead");
    }

    private DeviceAddress server() throws Exception {
        LoopbackServer server = new LoopbackServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                requests.incrementAndGet();
                response.setStatus(404);
                callback.succeeded();
                return true;
            }
        });
        servers.add(server);
        return server.address();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }
}
