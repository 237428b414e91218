package org.uploadbridge.ui.internal.app;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.uploadbridge.ui.internal.patterns.FileDropSupport;

/** The main window: menus, tool bar, status line, progress area, and files dropped on the editor area. */
public class UploadBridgeWindowAdvisor extends WorkbenchWindowAdvisor {

    private boolean restored;

    public UploadBridgeWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new UploadBridgeActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1400, 900));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setShowPerspectiveBar(false);
        // The product's name: a studio's branded distribution shows its own.
        IProduct product = Platform.getProduct();
        configurer.setTitle(product != null && product.getName() != null ? product.getName() : "Upload Bridge");
        configurer.configureEditorAreaDropListener(FileDropSupport.editorAreaDropAdapter(configurer.getWindow()));
        configurer.addEditorAreaTransfer(org.eclipse.swt.dnd.FileTransfer.getInstance());
    }

    @Override
    public void postWindowCreate() {
        // A workbench this dense wants the whole screen on first start; later starts keep the user's size.
        if (!restored) {
            getWindowConfigurer().getWindow().getShell().setMaximized(true);
        }
    }

    @Override
    public void postWindowRestore() {
        restored = true;
    }
}
