package org.uploadbridge.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.devices.RegisteredDevice;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code devices} lists and edits the user's device list in order; {@code settings} shows the settings in force. */
class DevicesAndSettingsCommandsTest {

    @Test
    void devicesAreListedInOrderAddedAndRemoved() {
        try (CliHarness cli = CliHarness.separate()) {
            List<DeviceAddress> before = cli.services().registry().devices().stream().map(RegisteredDevice::address).toList();
            try {
                assertEquals(Cli.OK, cli.run("devices", "add", "10.77.0.2", "10.77.0.1:8080"), cli.err());
                int first = before.size() + 1;
                assertTrue(cli.out().contains(String.format("%3d. %-24s %-22s", first, "10.77.0.2", "10.77.0.2:80")), cli.out());
                assertTrue(cli.out().contains(String.format("%3d. %-24s %-22s", first + 1, "10.77.0.1", "10.77.0.1:8080")), cli.out());
                assertTrue(cli.out().contains((before.size() + 2) + " device(s), kept in "), cli.out());

                assertEquals(Cli.OK, cli.run("devices", "remove", "10.77.0.2", "--json"), cli.err());
                JsonObject json = JsonParser.parseString(cli.out()).getAsJsonObject();
                assertEquals(before.size() + 1, json.getAsJsonArray("devices").size());
                assertEquals("10.77.0.1:8080", json.getAsJsonArray("devices").get(before.size()).getAsJsonObject().get("address").getAsString());
                assertEquals(cli.services().registry().storageFile().toString(), json.get("file").getAsString());

                assertEquals(Cli.FAILED, cli.run("devices", "add", "8.8.8.8"), "a public address needs --allow-public");
                assertFalse(cli.services().registry().devices().stream().anyMatch(d -> d.address().host().equals("8.8.8.8")));
                assertEquals(Cli.USAGE, cli.run("devices", "forget", "10.77.0.1"));
            } finally {
                cli.run("devices", "remove", "10.77.0.1:8080", "10.77.0.2");
            }
            assertEquals(before, cli.services().registry().devices().stream().map(RegisteredDevice::address).toList());
        }
    }

    @Test
    void settingsShowWhatIsInForceButNoSecrets() throws Exception {
        try (CliHarness cli = CliHarness.separate()) {
            Configuration configuration = cli.services().configurations().getConfiguration("org.uploadbridge.cli.tests.sample", "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("quota.uploadsPerHour", 42);
            properties.put("presets", new String[] { "10.20.0.11 Stage left", "10.20.0.12 Truss" });
            properties.put("wifiPassword", "hunter2");
            configuration.update(properties);
            try {
                assertEquals(Cli.OK, cli.run("settings", "org.uploadbridge.cli.tests.sample"), cli.err());
                assertTrue(cli.out().startsWith("org.uploadbridge.cli.tests.sample\n"), cli.out());
                assertTrue(cli.out().contains("  quota.uploadsPerHour = 42\n"), cli.out());
                assertTrue(cli.out().contains("  presets = [10.20.0.11 Stage left, 10.20.0.12 Truss]\n"), cli.out());
                assertTrue(cli.out().contains("  wifiPassword = (not shown)\n"), cli.out());
                assertFalse(cli.out().contains("hunter2"), cli.out());
                assertFalse(cli.out().contains("service.pid"), cli.out());
                assertTrue(cli.out().contains("1 configuration(s)"), cli.out());

                assertEquals(Cli.OK, cli.run("settings", "--json"), cli.err());
                JsonObject all = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonObject("settings");
                JsonObject sample = all.getAsJsonObject("org.uploadbridge.cli.tests.sample");
                assertEquals(42, sample.get("quota.uploadsPerHour").getAsInt());
                assertEquals(2, sample.getAsJsonArray("presets").size());
                assertFalse(cli.out().contains("hunter2"), cli.out());
            } finally {
                configuration.delete();
            }
            assertEquals(Cli.OK, cli.run("settings", "org.uploadbridge.cli.tests.sample"));
            assertTrue(cli.out().contains("0 configuration(s)"), cli.out());
        }
    }
}
