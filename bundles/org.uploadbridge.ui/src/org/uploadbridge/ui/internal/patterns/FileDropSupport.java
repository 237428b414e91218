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
                    org.eclipse.core.runtime.ILog.of(FileDropSupport.class).error("Cannot show the Patterns view", e);
                }
            } else {
                PatternOpener.open(page, path);
            }
        }
    }
}
