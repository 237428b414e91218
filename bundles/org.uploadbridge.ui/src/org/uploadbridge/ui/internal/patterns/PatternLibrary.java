package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The folders the user added to the pattern library, kept in the workspace's preferences so they
 * come back on the next start, and the summaries read from their files.
 */
public final class PatternLibrary {

    private static final String NODE = "org.uploadbridge.ui";
    private static final String KEY_FOLDERS = "library.folders";

    private final List<Path> folders = new CopyOnWriteArrayList<>();
    private final Map<Path, List<PatternSummary>> summaries = new ConcurrentHashMap<>();

    public PatternLibrary() {
        String stored = preferences().get(KEY_FOLDERS, "");
        for (String line : stored.split("\n")) {
            if (!line.isBlank()) {
                folders.add(Path.of(line));
            }
        }
    }

    public List<Path> folders() {
        return List.copyOf(folders);
    }

    /** Adds a folder; returns false when it is already in the library. */
    public boolean addFolder(Path folder) {
        Path normalized = folder.toAbsolutePath().normalize();
        if (folders.contains(normalized)) {
            return false;
        }
        folders.add(normalized);
        save();
        return true;
    }

    public void removeFolder(Path folder) {
        folders.remove(folder);
        summaries.remove(folder);
        save();
    }

    public List<PatternSummary> summaries(Path folder) {
        return summaries.getOrDefault(folder, List.of());
    }

    void putSummaries(Path folder, List<PatternSummary> rows) {
        if (folders.contains(folder)) {
            summaries.put(folder, List.copyOf(rows));
        }
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        folders.forEach(f -> lines.add(f.toString()));
        IEclipsePreferences node = preferences();
        node.put(KEY_FOLDERS, String.join("\n", lines));
        try {
            node.flush();
        } catch (BackingStoreException e) {
            ILog.of(PatternLibrary.class).error("Could not save the pattern library folders; they are kept for this session only", e);
        }
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
