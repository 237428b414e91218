package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.DropTargetListener;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.uploadbridge.core.error.ApplicationError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;

/** Files dropped on the window: pattern files open in the editor, folders join the library. */
public final class FileDropSupport {

    private FileDropSupport() {
    }

    public static DropTargetListener editorAreaDropAdapter(IWorkbenchWindow window) {
        return new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = FileTransfer.getInstance().isSupportedType(event.currentDataType) ? DND.DROP_COPY : DND.DROP_NONE;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] names) {
                    handleDrop(window.getActivePage(), names);
                }
            }
        };
    }

    static void handleDrop(IWorkbenchPage page, String[] names) {
        if (page == null) {
            return;
        }
        for (String name : names) {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                try {
                    ((PatternsView) page.showView(PatternsView.ID)).addFolder(path);
                } catch (PartInitException e) {
                    ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "Adding the dropped folder " + path,
                            new UploadBridgeException(ApplicationError.VIEW_NOT_OPENED, e, "Patterns view", e.getMessage()));
                }
            } else {
                PatternOpener.open(page, path);
            }
        }
    }
}
