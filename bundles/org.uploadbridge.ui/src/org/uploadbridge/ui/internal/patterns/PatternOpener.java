package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.format.SizeRequiredException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.ServiceRef;
import org.uploadbridge.ui.internal.editor.PatternEditor;
import org.uploadbridge.ui.internal.editor.PatternEditorInput;

/**
 * Opens a pattern file in the pattern editor: reads it, asks the user to confirm a size for
 * headerless files (never guessing silently), and shows catalogued errors.
 */
public final class PatternOpener {

    private PatternOpener() {
    }

    /** Opens {@code file}; returns the editor, or empty when the user cancelled or the file is bad. */
    public static Optional<PatternEditor> open(IWorkbenchPage page, Path file) {
        try (ServiceRef<PatternLoader> loader = new ServiceRef<>(PatternLoader.class)) {
            return open(page, file, loader.get());
        }
    }

    static Optional<PatternEditor> open(IWorkbenchPage page, Path file, PatternLoader loader) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ReadOptions options = ReadOptions.none();
        while (true) {
            try {
                LoadedPattern loaded = loader.load(file, options);
                IEditorPart editor = page.openEditor(new PatternEditorInput(loaded, options), PatternEditor.ID);
                ILog.of(PatternOpener.class).info("Opened " + file + " (" + loaded.formatId() + ", "
                        + loaded.pattern().ledCount() + " LEDs x " + loaded.pattern().frameCount() + " frames)");
                return editor instanceof PatternEditor p ? Optional.of(p) : Optional.empty();
            } catch (SizeRequiredException e) {
                SizeGuessDialog dialog = new SizeGuessDialog(page.getWorkbenchWindow().getShell(), file, e);
                if (dialog.open() != Window.OK) {
                    return Optional.empty();
                }
                options = dialog.options();
            } catch (UploadBridgeException e) {
                ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "Opening " + file.getFileName(), e);
                return Optional.empty();
            } catch (PartInitException e) {
                ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "Opening " + file.getFileName(),
                        new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, e, "pattern editor for " + file, e.getMessage()));
                return Optional.empty();
            }
        }
    }
}
