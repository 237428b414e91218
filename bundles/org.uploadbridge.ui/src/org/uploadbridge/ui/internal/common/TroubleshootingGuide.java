package org.uploadbridge.ui.internal.common;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.error.ApplicationError;

/**
 * {@code docs/troubleshooting.md} where this installation has it: the folder named by the system
 * property {@value #DOCS_PROPERTY} (the launcher script sets it to the repository's docs), else
 * {@code docs} in the installation directory. Without either, the dialogs show the pointer only.
 */
public final class TroubleshootingGuide {

    /** System property: the folder that holds {@code troubleshooting.md}. */
    public static final String DOCS_PROPERTY = "uploadbridge.docs";

    private final Path file;

    TroubleshootingGuide(Path file) {
        this.file = file;
    }

    /** The guide of this installation, if it ships one. */
    public static Optional<TroubleshootingGuide> installed() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(DOCS_PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        installDirectory().ifPresent(dir -> candidates.add(dir.resolve("docs")));
        return candidates.stream().map(dir -> dir.resolve("troubleshooting.md")).filter(Files::isRegularFile).findFirst()
                .map(TroubleshootingGuide::new);
    }

    private static Optional<Path> installDirectory() {
        Location install = Platform.getInstallLocation();
        URL url = install == null ? null : install.getURL();
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // A file: URL with spaces is not always a valid URI; its path is still the folder.
            return Optional.of(Path.of(url.getPath()));
        }
    }

    public Path file() {
        return file;
    }

    /** Where the code's section is: the file and its anchor. */
    public String pointer(CatalogEntry entry) {
        return file + "#" + entry.code().toLowerCase(Locale.ROOT);
    }

    /**
     * The code's section as written in the guide, from its heading to the next anchor.
     *
     * @throws UploadBridgeException when the guide cannot be read or has no such section
     */
    public String section(CatalogEntry entry) throws UploadBridgeException {
        String anchor = "<a id=\"" + entry.code().toLowerCase(Locale.ROOT) + "\"></a>";
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, e, "troubleshooting guide " + file, e.getMessage());
        }
        int start = lines.indexOf(anchor);
        if (start < 0) {
            throw new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, "troubleshooting guide " + file,
                    "it has no section " + anchor + "; it belongs to another version of Upload Bridge");
        }
        StringBuilder text = new StringBuilder();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("<a id="); i++) {
            text.append(lines.get(i)).append('\n');
        }
        return text.toString().strip();
    }
}
