package org.uploadbridge.ui.internal.common;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** The label-and-field forms of the workbench's dialogs and preference pages. */
public final class Forms {

    private Forms() {
    }

    /** A form of two columns (labels, then fields) filling {@code parent}. */
    public static Composite twoColumns(Composite parent) {
        Composite form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        return form;
    }
}
