package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;

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

    /**
     * Adds a folder; returns false when it is already in the library.
     *
     * @throws UploadBridgeException when it could not be saved for the next start (it is in the library until then)
     */
    public boolean addFolder(Path folder) throws UploadBridgeException {
        Path normalized = folder.toAbsolutePath().normalize();
        if (folders.contains(normalized)) {
            return false;
        }
        folders.add(normalized);
        save();
        return true;
    }

    /** @throws UploadBridgeException when the change could not be saved for the next start */
    public void removeFolder(Path folder) throws UploadBridgeException {
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

    private void save() throws UploadBridgeException {
        List<String> lines = new ArrayList<>();
        folders.forEach(f -> lines.add(f.toString()));
        IEclipsePreferences node = preferences();
        node.put(KEY_FOLDERS, String.join("\n", lines));
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new UploadBridgeException(ApplicationError.SETTINGS_NOT_SAVED, e, "pattern library",
                    e.getMessage() + "; the folders are kept for this session only");
        }
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
