package org.uploadbridge.ui.internal.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.uploadbridge.ui.internal.devices.DevicesView;
import org.uploadbridge.ui.internal.health.HealthView;
import org.uploadbridge.ui.internal.logs.LogsView;
import org.uploadbridge.ui.internal.patterns.PatternsView;

/** The default layout: the pattern library on the left, editors in the middle, logs below. */
public class WorkbenchPerspective implements IPerspectiveFactory {

    public static final String ID = "org.uploadbridge.ui.perspective.workbench";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.30f, editorArea);
        left.addView(PatternsView.ID);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.62f, editorArea);
        bottom.addView(DevicesView.ID);
        bottom.addView(LogsView.ID);
        bottom.addView(HealthView.ID);
        bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
        layout.addShowViewShortcut(PatternsView.ID);
        layout.addShowViewShortcut(LogsView.ID);
        layout.addShowViewShortcut(DevicesView.ID);
    }
}
