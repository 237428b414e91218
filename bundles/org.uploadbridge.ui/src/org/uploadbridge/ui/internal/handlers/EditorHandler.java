package org.uploadbridge.ui.internal.handlers;

import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;
import org.uploadbridge.ui.internal.editor.PatternEditor;

/** A command that acts on the active pattern editor, and does nothing elsewhere. */
abstract class EditorHandler extends AbstractHandler {

    private final Consumer<PatternEditor> action;

    EditorHandler(Consumer<PatternEditor> action) {
        this.action = action;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof PatternEditor editor) {
            action.accept(editor);
        }
        return null;
    }
}
