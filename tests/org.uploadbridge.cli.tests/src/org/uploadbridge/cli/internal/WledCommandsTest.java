package org.uploadbridge.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.testing.SimulatedFleets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A WLED device from the command line: status, upload as a live stream, and the light's controls. */
class WledCommandsTest {

    private static final int PORT = 18_510;

    private final CliHarness cli = CliHarness.merged();
    @RegisterExtension
    final SimulatedFleets fleets = new SimulatedFleets();
    private SimulatedFleet fleet;

    @AfterEach
    void close() {
        cli.close();
    }

    private WledDevice wled(String first, int leds) {
        fleet = fleets.start(FleetSpec.of(1,
                DeviceProfile.wled(WledSettings.of(WledRelease.V0_15_0).withLedCount(leds))).withFirstAddress(first).withPort(PORT));
        return (WledDevice) fleet.devices().get(0);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    @Test
    void uploadStreamsWhileTheCommandRunsThenStops() throws Exception {
        // given
        WledDevice device = wled("127.49.0.1", 100);
        String address = "127.49.0.1:" + PORT;
        // when
        int exit = run("upload", RepositoryFiles.sample("pulse_square.bin").toString(), address, "--play-for", "1");
        // then
        assertEquals(Cli.OK, exit, out());
        assertTrue(out().contains("Streaming over DDP: 100 LEDs x 5 frames"), out());
        assertTrue(out().contains("1 device(s) play the pattern while this command runs: for 1 s."), out());
        assertTrue(device.frames().size() >= 5, "at least one loop: " + device.frames().size());
        int after = device.frames().size();
        Thread.sleep(300);
        assertEquals(after, device.frames().size(), "the stream ended with the command");
        assertEquals(Cli.OK, run("status", address, "--json"), out());
        JsonObject status = JsonParser.parseString(out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("wled", status.get("firmware").getAsString());
    }

    @Test
    void powerBrightnessAndBlinkChangeTheLight() {
        // given
        WledDevice device = wled("127.49.1.1", 30);
        String address = "127.49.1.1:" + PORT;
        // when / then
        assertEquals(Cli.OK, run("brightness", address, "60"), out());
        assertEquals(60, device.brightness());
        assertEquals(Cli.OK, run("power", address, "off", "--json"), out());
        assertEquals("turned off", JsonParser.parseString(out()).getAsJsonObject().get("done").getAsString());
        assertFalse(device.isOn());
        assertEquals(Cli.OK, run("blink", address), out());
        assertFalse(device.isOn(), "blinking puts the light back as it was");
        assertEquals(Cli.OK, run("power", address, "on"), out());
        assertTrue(device.isOn());
        assertEquals(Cli.USAGE, run("power", address, "dim"));
    }

    @Test
    void aClassicDeviceSaysItCannotBlink() {
        // given
        fleet = fleets.start(FleetSpec.of(1, DeviceProfile.esp8266())
                .withFirstAddress("127.49.2.1").withPort(PORT));
        // when
        int exit = run("blink", "127.49.2.1:" + PORT, "--json");
        // then
        assertEquals(Cli.FAILED, exit, out());
        assertEquals("UB-D001", JsonParser.parseString(out()).getAsJsonObject().get("code").getAsString(), out());
    }
}
