package org.uploadbridge.settings.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.felix.cm.PersistenceManager;
import org.apache.felix.cm.file.ConfigurationHandler;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.core.io.CrashSafeFile;
import org.uploadbridge.core.io.InvalidContentException;
import org.uploadbridge.core.io.LoadResult;

/**
 * Where Configuration Admin keeps every setting (the framework property {@code felix.cm.pm=}
 * {@value #NAME} selects it): one {@code <pid>.config} file per configuration, in Felix's own
 * typed format, each a {@link CrashSafeFile}, so a crash or power cut while saving preferences
 * leaves the old settings or the new ones, and a torn file is replaced by its previous version at
 * start (and logged). Folder: the framework property {@value #DIRECTORY}, else this bundle's data area.
 */
@Component(service = PersistenceManager.class, property = PersistenceManager.PROPERTY_NAME + "=" + CrashSafeSettings.NAME,
        immediate = true)
public final class CrashSafeSettings implements PersistenceManager {

    static final String NAME = "uploadbridge";
    static final String DIRECTORY = "org.uploadbridge.settings.directory";
    static final String SUFFIX = ".config";
    private static final String PID = "service.pid";

    private final Path directory;
    private final Map<String, Dictionary<String, Object>> settings = new TreeMap<>();

    @Activate
    public CrashSafeSettings(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        this(directory(context), log::warn);
    }

    /** Loads every configuration in {@code directory}, recovering torn files; {@code report} hears what was recovered. */
    public CrashSafeSettings(Path directory, Consumer<String> report) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        java.util.Set<String> stems = new java.util.HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String stem = name.endsWith(SUFFIX) ? name : name.endsWith(SUFFIX + CrashSafeFile.BACKUP_SUFFIX)
                        ? name.substring(0, name.length() - CrashSafeFile.BACKUP_SUFFIX.length()) : null;
                if (stem == null || !stems.add(stem)) {
                    continue; // set aside, a leftover, or the backup of a file already read: the store's read looks after those
                }
                LoadResult<Dictionary<String, Object>> loaded = new CrashSafeFile(directory.resolve(stem)).read(CrashSafeSettings::parse);
                if (loaded.recovered() || !loaded.problems().isEmpty()) {
                    report.accept("Settings " + stem + ": " + loaded.report());
                }
                loaded.value().ifPresent(value -> settings.put((String) value.get(PID), value));
            }
        }
    }

    @Override
    public synchronized boolean exists(String pid) {
        return settings.containsKey(pid);
    }

    @Override
    public synchronized Dictionary<String, Object> load(String pid) {
        Dictionary<String, Object> stored = settings.get(pid);
        return stored == null ? null : copy(stored);
    }

    @Override
    public synchronized Enumeration<Dictionary<String, Object>> getDictionaries() {
        List<Dictionary<String, Object>> copies = settings.values().stream().map(CrashSafeSettings::copy).toList();
        return Collections.enumeration(copies);
    }

    @Override
    public synchronized void store(String pid, @SuppressWarnings("rawtypes") Dictionary properties) throws IOException {
        @SuppressWarnings("unchecked")
        Dictionary<String, Object> typed = copy(properties);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfigurationHandler.write(bytes, typed);
        new CrashSafeFile(fileOf(pid)).write(bytes.toByteArray());
        settings.put(pid, typed);
    }

    @Override
    public synchronized void delete(String pid) throws IOException {
        CrashSafeFile file = new CrashSafeFile(fileOf(pid));
        Files.deleteIfExists(file.path());
        Files.deleteIfExists(file.backup()); // else the next start would restore what the user removed
        settings.remove(pid);
    }

    /** The folder the settings are in. */
    Path directory() {
        return directory;
    }

    /** {@code pid}'s file: letters, digits, dots, dashes and underscores as they are, anything else as %XX of its UTF-8 bytes. */
    Path fileOf(String pid) {
        StringBuilder name = new StringBuilder();
        for (byte b : pid.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return directory.resolve(name + SUFFIX);
    }

    private static Dictionary<String, Object> parse(byte[] bytes) throws InvalidContentException {
        try {
            @SuppressWarnings("unchecked")
            Dictionary<String, Object> read = ConfigurationHandler.read(new ByteArrayInputStream(bytes));
            if (read == null || !(read.get(PID) instanceof String)) {
                throw new InvalidContentException("no service.pid in it");
            }
            return read;
        } catch (IOException | RuntimeException e) {
            throw new InvalidContentException("not a configuration: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Dictionary<String, Object> copy(Dictionary source) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (Enumeration keys = source.keys(); keys.hasMoreElements();) {
            Object key = keys.nextElement();
            copy.put((String) key, source.get(key));
        }
        return copy;
    }

    private static Path directory(BundleContext context) {
        String configured = context.getProperty(DIRECTORY);
        return configured != null && !configured.isBlank() ? Path.of(configured) : context.getDataFile("settings").toPath();
    }
}
