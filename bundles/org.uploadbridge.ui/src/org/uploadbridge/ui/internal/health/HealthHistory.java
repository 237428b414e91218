package org.uploadbridge.ui.internal.health;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/** The fleet's health score over the last samples, drawn as a small line chart (0 at the bottom, 100 at the top). */
final class HealthHistory extends Canvas {

    static final int SAMPLES = 180;

    private final Deque<Integer> scores = new ArrayDeque<>();

    HealthHistory(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
    }

    void add(int score) {
        if (scores.size() == SAMPLES) {
            scores.removeFirst();
        }
        scores.addLast(score);
        redraw();
    }

    List<Integer> scores() {
        return List.copyOf(scores);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(0, 0, area.width - 1, area.height - 1);
        gc.drawText("Fleet health, last " + SAMPLES * HealthView.REFRESH_MS / 1000 + " s", 4, 2, true);
        if (scores.size() < 2) {
            return;
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
        gc.setLineWidth(2);
        int[] points = new int[scores.size() * 2];
        int i = 0;
        int step = Math.max(1, (area.width - 2) / (SAMPLES - 1));
        for (int score : scores) {
            points[i] = 1 + (i / 2) * step;
            points[i + 1] = area.height - 2 - score * (area.height - 4) / 100;
            i += 2;
        }
        gc.drawPolyline(points);
    }
}
