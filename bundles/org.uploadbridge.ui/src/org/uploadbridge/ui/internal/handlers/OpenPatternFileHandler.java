package org.uploadbridge.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.uploadbridge.ui.internal.patterns.PatternOpener;

/** File > Open Pattern File... (Ctrl+O). */
public class OpenPatternFileHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText("Open Pattern File");
        dialog.setFilterNames(new String[] { "Pattern files", "All files" });
        dialog.setFilterExtensions(new String[] { "*.bin;*.dat;*.leds;*.rgb;*.raw;*.out;*.gled", "*" });
        if (dialog.open() != null) {
            for (String name : dialog.getFileNames()) {
                PatternOpener.open(window.getActivePage(), Path.of(dialog.getFilterPath(), name));
            }
        }
        return null;
    }
}
