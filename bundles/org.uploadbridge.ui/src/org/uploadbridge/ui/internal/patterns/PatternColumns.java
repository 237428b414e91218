package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Path;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/** The columns of the pattern library tree. */
final class PatternColumns {

    private PatternColumns() {
    }

    static void install(TreeViewer viewer) {
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        column(viewer, "Name", 200, e -> e instanceof Path p ? p.toString() : ((PatternSummary) e).file().getFileName().toString());
        column(viewer, "LEDs", 60, e -> e instanceof PatternSummary r && r.ledCount() > 0 ? Integer.toString(r.ledCount()) : "");
        column(viewer, "Frames", 60, e -> e instanceof PatternSummary r && r.frameCount() > 0 ? Integer.toString(r.frameCount()) : "");
        column(viewer, "Size", 80, e -> e instanceof PatternSummary r && r.ledCount() > 0 ? r.sizeText() : "");
        column(viewer, "Bytes", 80, e -> e instanceof PatternSummary r ? Long.toString(r.fileSize()) : "");
        column(viewer, "Format", 70, e -> e instanceof PatternSummary r ? r.formatId() : "");
        TreeViewerColumn state = column(viewer, "Validation", 260, e -> e instanceof PatternSummary r ? stateText(r) : "");
        state.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof PatternSummary r ? stateText(r) : "";
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof PatternSummary r ? r.problem() : null;
            }

            @Override
            public Color getForeground(Object element) {
                if (element instanceof PatternSummary r) {
                    return switch (r.state()) {
                        case VALID -> Display.getCurrent().getSystemColor(SWT.COLOR_DARK_GREEN);
                        case WARNINGS, NEEDS_SIZE -> Display.getCurrent().getSystemColor(SWT.COLOR_DARK_YELLOW);
                        case INVALID, UNREADABLE -> Display.getCurrent().getSystemColor(SWT.COLOR_RED);
                    };
                }
                return null;
            }
        });
    }

    static String stateText(PatternSummary row) {
        return switch (row.state()) {
            case VALID -> "valid";
            case WARNINGS -> "warnings: " + row.problem();
            case INVALID -> "invalid: " + row.problem();
            case NEEDS_SIZE -> "needs size: " + row.problem();
            case UNREADABLE -> "unreadable: " + row.problem();
        };
    }

    private static TreeViewerColumn column(TreeViewer viewer, String title, int width, Function<Object, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setMoveable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
        return column;
    }
}
