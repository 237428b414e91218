package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.ui.internal.common.ServiceRef;
import org.uploadbridge.validation.pattern.PatternValidator;

/**
 * The pattern library: folders the user added and their pattern files, with LEDs, frames, size
 * and validation state, and a filter. Files open in the pattern editor on double-click or Enter.
 */
public class PatternsView extends ViewPart {

    public static final String ID = "org.uploadbridge.ui.views.patterns";

    private final PatternLibrary library = new PatternLibrary();
    private ServiceRef<PatternLoader> loader;
    private ServiceRef<PatternValidator> validator;
    private TreeViewer viewer;
    private Text filter;
    private Label summary;
    private LibraryScanJob runningScan;

    @Override
    public void createPartControl(Composite parent) {
        loader = new ServiceRef<>(PatternLoader.class);
        validator = new ServiceRef<>(PatternValidator.class);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);

        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter patterns (name, format or state)");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);

        viewer = new TreeViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        PatternColumns.install(viewer);
        viewer.setContentProvider(new LibraryContent());
        viewer.addFilter(new NameFilter());
        viewer.setInput(library);
        viewer.addOpenListener(e -> openSelection());
        filter.addListener(SWT.Modify, e -> {
            viewer.refresh();
            viewer.expandAll();
            updateSummary();
        });

        summary = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(summary);

        DropTarget drop = new DropTarget(viewer.getControl(), DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        drop.addDropListener(FileDropSupport.editorAreaDropAdapter(getSite().getWorkbenchWindow()));

        // Pattern files drag out as files: onto the Devices view to upload them, or into other programs.
        DragSource drag = new DragSource(viewer.getControl(), DND.DROP_COPY);
        drag.setTransfer(FileTransfer.getInstance());
        drag.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                event.doit = !selectedFiles().isEmpty();
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = selectedFiles().toArray(String[]::new);
            }
        });

        createContextMenu();
        getSite().setSelectionProvider(viewer);
        refresh();
    }

    private void createContextMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            Object first = viewer.getStructuredSelection().getFirstElement();
            if (first instanceof PatternSummary) {
                m.add(new Action("Open") {
                    @Override
                    public void run() {
                        openSelection();
                    }
                });
            }
            if (first instanceof Path folder) {
                m.add(new Action("Remove Folder from Library") {
                    @Override
                    public void run() {
                        try {
                            library.removeFolder(folder);
                        } catch (UploadBridgeException e) {
                            ErrorDialogs.show(getSite().getShell(), "Removing the folder from the library", e);
                        }
                        viewer.refresh();
                        updateSummary();
                    }
                });
            }
            m.add(new Action("Refresh") {
                @Override
                public void run() {
                    refresh();
                }
            });
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
    }

    /** Adds a folder to the library and reads its patterns. */
    public void addFolder(Path folder) {
        try {
            library.addFolder(folder);
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getSite().getShell(), "Adding " + folder + " to the library", e);
        }
        viewer.refresh();
        refresh();
    }

    public PatternLibrary library() {
        return library;
    }

    /** Reads every library folder again, in a background job. */
    public void refresh() {
        if (runningScan != null) {
            runningScan.cancel();
        }
        LibraryScanJob job = new LibraryScanJob(library.folders(), loader.get(), validator.get(), scan -> {
            library.putSummaries(scan.folder(), scan.rows());
            if (!viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> {
                    if (!viewer.getControl().isDisposed()) {
                        viewer.refresh(scan.folder());
                        viewer.setExpandedState(scan.folder(), true);
                        updateSummary();
                    }
                });
            }
        });
        runningScan = job;
        job.schedule();
    }

    /** The scan started last, so tests and handlers can wait for it. */
    public LibraryScanJob lastScan() {
        return runningScan;
    }

    TreeViewer viewer() {
        return viewer;
    }

    Text filterText() {
        return filter;
    }

    void openSelection() {
        IStructuredSelection selection = viewer.getStructuredSelection();
        for (Object element : selection.toList()) {
            if (element instanceof PatternSummary row) {
                PatternOpener.open(getSite().getPage(), row.file(), loader.get());
            } else if (element instanceof Path folder) {
                viewer.setExpandedState(folder, !viewer.getExpandedState(folder));
            }
        }
    }

    private List<String> selectedFiles() {
        List<String> files = new java.util.ArrayList<>();
        for (Object element : viewer.getStructuredSelection().toList()) {
            if (element instanceof PatternSummary row) {
                files.add(row.file().toString());
            }
        }
        return files;
    }

    private void updateSummary() {
        int files = 0;
        int invalid = 0;
        for (Path folder : library.folders()) {
            for (PatternSummary row : library.summaries(folder)) {
                if (matches(row)) {
                    files++;
                    if (row.state() != PatternSummary.State.VALID && row.state() != PatternSummary.State.WARNINGS) {
                        invalid++;
                    }
                }
            }
        }
        summary.setText(files + " patterns in " + library.folders().size() + " folders" + (invalid > 0 ? ", " + invalid + " need attention" : ""));
        summary.getParent().layout();
    }

    private boolean matches(PatternSummary row) {
        String text = filter.getText().trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return true;
        }
        return row.file().getFileName().toString().toLowerCase(Locale.ROOT).contains(text)
                || row.formatId().toLowerCase(Locale.ROOT).contains(text)
                || row.state().name().toLowerCase(Locale.ROOT).contains(text);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (runningScan != null) {
            runningScan.cancel();
        }
        if (loader != null) {
            loader.close();
            validator.close();
        }
        super.dispose();
    }

    private final class LibraryContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return library.folders().toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof Path folder ? library.summaries(folder).toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof PatternSummary row ? findFolder(row) : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Path folder && !library.summaries(folder).isEmpty();
        }

        private Path findFolder(PatternSummary row) {
            List<Path> folders = library.folders();
            return folders.stream().filter(f -> row.file().startsWith(f)).findFirst().orElse(null);
        }
    }

    private final class NameFilter extends ViewerFilter {
        @Override
        public boolean select(Viewer v, Object parent, Object element) {
            return !(element instanceof PatternSummary row) || matches(row);
        }
    }
}
