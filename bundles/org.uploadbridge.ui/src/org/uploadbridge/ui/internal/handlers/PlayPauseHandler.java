package org.uploadbridge.ui.internal.handlers;

import org.uploadbridge.ui.internal.editor.PatternEditor;

/** togglePlay:Play or pause the preview (Space). */
public class PlayPauseHandler extends EditorHandler {

    public PlayPauseHandler() {
        super(PatternEditor::togglePlay);
    }
}
