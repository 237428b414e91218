package org.uploadbridge.ui.internal.common;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** Text columns of the workbench's tables: a title, a width, and how a row becomes text (and colour). */
public final class Columns {

    private Columns() {
    }

    public static <T> TableViewerColumn add(TableViewer viewer, Class<T> rowType, String title, int width, Function<T, String> text) {
        return add(viewer, rowType, title, width, text, row -> null);
    }

    public static <T> TableViewerColumn add(TableViewer viewer, Class<T> rowType, String title, int width, Function<T, String> text,
            Function<T, Color> foreground) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setMoveable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rowType.cast(element));
            }

            @Override
            public Color getForeground(Object element) {
                return foreground.apply(rowType.cast(element));
            }
        });
        return column;
    }
}
