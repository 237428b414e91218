package org.uploadbridge.ui.internal.handlers;

/** Show the next frame (Ctrl+Right). */
public class StepForwardHandler extends EditorHandler {

    public StepForwardHandler() {
        super(e -> e.step(1));
    }
}
