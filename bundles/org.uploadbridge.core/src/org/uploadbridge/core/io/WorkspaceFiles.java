package org.uploadbridge.core.io;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a bundle keeps its files in the user's workspace: {@code .metadata/.plugins/<bundle>/} under
 * the OSGi instance area, as Eclipse bundles do, so they move with the workspace.
 */
public final class WorkspaceFiles {

    /** The framework property that holds the workspace's URL. */
    public static final String INSTANCE_AREA = "osgi.instance.area";

    private WorkspaceFiles() {
    }

    /**
     * {@code fileName} in {@code bundleId}'s folder of the workspace at {@code instanceArea} (a
     * {@code file:} URL); empty when there is no workspace or it is not a local folder.
     */
    public static Optional<Path> pluginFile(String instanceArea, String bundleId, String fileName) {
        if (instanceArea == null || !instanceArea.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(new URI(instanceArea.replace(" ", "%20")))
                    .resolve(".metadata").resolve(".plugins").resolve(bundleId).resolve(fileName));
        } catch (URISyntaxException | IllegalArgumentException notAFileUrl) {
            return Optional.empty();
        }
    }
}
