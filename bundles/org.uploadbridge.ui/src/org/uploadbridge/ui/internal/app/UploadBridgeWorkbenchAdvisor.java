package org.uploadbridge.ui.internal.app;

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.uploadbridge.ui.internal.patterns.PatternOpener;
import org.uploadbridge.ui.internal.patterns.PatternsView;

/**
 * Workbench-wide settings: the initial perspective, saving the layout between sessions, and the
 * start-up arguments {@code --library DIR} (add a folder to the pattern library) and
 * {@code --open FILE} (open a pattern), which the launcher script uses.
 */
public class UploadBridgeWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new UploadBridgeWindowAdvisor(configurer);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return WorkbenchPerspective.ID;
    }

    @Override
    public void postStartup() {
        IWorkbenchPage page = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow().getActivePage();
        String[] args = Platform.getApplicationArgs();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--library".equals(args[i])) {
                try {
                    ((PatternsView) page.showView(PatternsView.ID)).addFolder(Path.of(args[++i]));
                } catch (PartInitException e) {
                    ILog.of(getClass()).error("Cannot show the Patterns view", e);
                }
            } else if ("--open".equals(args[i])) {
                PatternOpener.open(page, Path.of(args[++i]));
            }
        }
        ILog.of(getClass()).info("Upload Bridge workbench started");
    }
}
