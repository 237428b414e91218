package org.uploadbridge.ui.internal.editor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Spinner;

/** One listener for "the user changed this input", whatever kind of control it is. */
final class SWTListeners {

    private SWTListeners() {
    }

    static void onChange(Runnable action, Control... controls) {
        for (Control control : controls) {
            int event = control instanceof Spinner ? SWT.Modify : control instanceof Combo || control instanceof Button ? SWT.Selection : SWT.Modify;
            control.addListener(event, e -> action.run());
        }
    }
}
