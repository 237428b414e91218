package org.uploadbridge.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.felix.cm.PersistenceManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationAdmin;
import org.uploadbridge.testing.OsgiServices;

/** Settings saved through Configuration Admin land in the crash-safe store; a torn file comes back as its previous version. */
class CrashSafeSettingsTest {

    @TempDir
    Path folder;

    @Test
    void configurationAdminSavesSettingsInTheCrashSafeStore() throws Exception {
        OsgiServices.await(ConfigurationAdmin.class); // registered only once the persistence manager felix.cm.pm names is there
        var context = OsgiServices.context();
        var ours = context.getServiceReferences(PersistenceManager.class, "(name=" + CrashSafeSettings.NAME + ")");
        assertEquals(1, ours.size(), "Configuration Admin has its own managers too; ours is named " + CrashSafeSettings.NAME);
        CrashSafeSettings store = (CrashSafeSettings) context.getService(ours.iterator().next());
        String pid = "org.uploadbridge.settings.test";
        OsgiServices.configure(pid, Map.of("answer", 42, "name", "kitchen"), () -> Files.exists(store.fileOf(pid)));
        String saved = Files.readString(store.fileOf(pid), StandardCharsets.UTF_8);
        assertTrue(saved.contains("answer=I\"42\"") && saved.contains("name=\"kitchen\""), saved);
        OsgiServices.unconfigure(pid, () -> !Files.exists(store.fileOf(pid)));
    }

    @Test
    void aTornFileIsReplacedByItsPreviousVersionAtStartAndReported() throws Exception {
        CrashSafeSettings store = new CrashSafeSettings(folder, message -> { });
        store.store("org.uploadbridge.resilience", settings("org.uploadbridge.resilience", "quota.uploadsPerHour", "250"));
        store.store("org.uploadbridge.resilience", settings("org.uploadbridge.resilience", "quota.uploadsPerHour", "500"));
        Path file = store.fileOf("org.uploadbridge.resilience");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 3)); // a write cut short

        List<String> reports = new ArrayList<>();
        CrashSafeSettings restarted = new CrashSafeSettings(folder, reports::add);
        assertEquals("250", restarted.load("org.uploadbridge.resilience").get("quota.uploadsPerHour"), "the previous version");
        assertEquals(1, reports.size(), reports.toString());
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().contains(".unreadable-")), "the torn file is kept aside");
        }
    }

    @Test
    void pidsOfAnyCharactersRoundTripAndDeletedSettingsStayDeleted() throws Exception {
        CrashSafeSettings store = new CrashSafeSettings(folder, message -> { });
        String odd = "org.uploadbridge.devices~kitchen/strip 1";
        store.store(odd, settings(odd, "brightness", "128"));
        store.store("plain", settings("plain", "a", "b"));
        store.store("plain", settings("plain", "a", "c"));
        assertFalse(store.fileOf(odd).getFileName().toString().contains("/"));

        CrashSafeSettings restarted = new CrashSafeSettings(folder, message -> { });
        assertEquals("128", restarted.load(odd).get("brightness"));
        assertEquals(2, countOf(restarted));
        restarted.delete("plain");
        assertNull(new CrashSafeSettings(folder, message -> { }).load("plain"), "its backup is gone too, so nothing restores it");
        assertTrue(new CrashSafeSettings(folder, message -> { }).exists(odd));
    }

    private static int countOf(PersistenceManager store) throws Exception {
        int n = 0;
        for (var e = store.getDictionaries(); e.hasMoreElements(); e.nextElement()) {
            n++;
        }
        return n;
    }

    private static Dictionary<String, Object> settings(String pid, String key, String value) {
        Hashtable<String, Object> d = new Hashtable<>();
        d.put("service.pid", pid);
        d.put(key, value);
        return d;
    }
}
