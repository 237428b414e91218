package org.uploadbridge.ui.internal.handlers;

/** Show the previous frame (Ctrl+Left). */
public class StepBackHandler extends EditorHandler {

    public StepBackHandler() {
        super(e -> e.step(-1));
    }
}
