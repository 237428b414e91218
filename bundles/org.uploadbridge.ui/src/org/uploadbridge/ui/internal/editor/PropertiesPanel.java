package org.uploadbridge.ui.internal.editor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.MatrixGeometry.Corner;
import org.uploadbridge.core.pattern.MatrixGeometry.Order;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * The editable properties of a pattern: layout (strip or matrix, wiring order, serpentine, origin)
 * and frame delays, plus the device to check it against. Edits produce a new {@link Pattern}.
 */
final class PropertiesPanel {

    private static final String[] TARGETS = { "Any device", "ESP8266 (classic firmware)", "ESP32 (classic firmware)" };

    private final Consumer<Pattern> onEdit;
    private final Consumer<DeviceLimits> onTarget;
    private Pattern pattern;
    private int frame;
    private final Label source;
    private final Label dimensions;
    private final Button matrix;
    private final Spinner width;
    private final Spinner height;
    private final Combo order;
    private final Button serpentine;
    private final Combo origin;
    private final Label layoutProblem;
    private final Spinner frameDelay;
    private final Spinner allDelays;
    private final Label timing;
    private boolean updating;
    private final Composite panel;

    PropertiesPanel(Composite parent, Consumer<Pattern> onEdit, Consumer<DeviceLimits> onTarget) {
        this.onEdit = onEdit;
        this.onTarget = onTarget;
        panel = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(panel);

        source = new Label(panel, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(source);
        dimensions = new Label(panel, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(dimensions);

        Group layout = group(panel, "Layout and wiring");
        matrix = new Button(layout, SWT.CHECK);
        matrix.setText("Matrix (otherwise a strip)");
        GridDataFactory.fillDefaults().span(4, 1).applyTo(matrix);
        new Label(layout, SWT.NONE).setText("Width:");
        width = spinner(layout, 1, Pattern.MAX_LEDS);
        new Label(layout, SWT.NONE).setText("Height:");
        height = spinner(layout, 1, Pattern.MAX_LEDS);
        new Label(layout, SWT.NONE).setText("Wiring:");
        order = new Combo(layout, SWT.READ_ONLY);
        order.setItems("Rows first", "Columns first");
        serpentine = new Button(layout, SWT.CHECK);
        serpentine.setText("Serpentine (zig-zag)");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(serpentine);
        new Label(layout, SWT.NONE).setText("First LED:");
        origin = new Combo(layout, SWT.READ_ONLY);
        origin.setItems("Top left", "Top right", "Bottom left", "Bottom right");
        GridDataFactory.fillDefaults().span(3, 1).applyTo(origin);
        layoutProblem = new Label(layout, SWT.WRAP);
        layoutProblem.setForeground(panel.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).applyTo(layoutProblem);

        Group timingGroup = group(panel, "Timing");
        new Label(timingGroup, SWT.NONE).setText("This frame (ms):");
        frameDelay = spinner(timingGroup, 0, Pattern.MAX_FRAME_DELAY_MS);
        new Label(timingGroup, SWT.NONE).setText("All frames (ms):");
        allDelays = spinner(timingGroup, 0, Pattern.MAX_FRAME_DELAY_MS);
        Button applyAll = new Button(timingGroup, SWT.PUSH);
        applyAll.setText("Apply to All Frames");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(applyAll);
        timing = new Label(timingGroup, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(timing);

        Group target = group(panel, "Check against");
        Combo device = new Combo(target, SWT.READ_ONLY);
        device.setItems(TARGETS);
        device.select(0);
        GridDataFactory.fillDefaults().span(4, 1).applyTo(device);
        device.addListener(SWT.Selection, e -> onTarget.accept(switch (device.getSelectionIndex()) {
            case 1 -> DeviceLimits.esp8266();
            case 2 -> DeviceLimits.esp32();
            default -> DeviceLimits.none();
        }));

        SWTListeners.onChange(this::layoutEdited, matrix, width, height, order, serpentine, origin);
        frameDelay.addListener(SWT.Modify, e -> delayEdited());
        applyAll.addListener(SWT.Selection, e -> {
            int[] delays = new int[pattern.frameCount()];
            Arrays.fill(delays, allDelays.getSelection());
            onEdit.accept(pattern.withFrameDelays(delays));
        });
    }

    Composite control() {
        return panel;
    }

    void show(Pattern shown, String formatId, Path file) {
        pattern = shown;
        updating = true;
        try {
            source.setText(file.getFileName() + " \u00B7 " + formatId + " format");
            dimensions.setText(shown.ledCount() + " LEDs \u00B7 " + shown.frameCount() + " frames \u00B7 "
                    + shown.nativeSize() + " bytes as .bin");
            MatrixGeometry g = shown.geometry().orElse(null);
            matrix.setSelection(g != null);
            width.setSelection(g == null ? shown.ledCount() : g.width());
            height.setSelection(g == null ? 1 : g.height());
            order.select(g == null || g.order() == Order.ROW_MAJOR ? 0 : 1);
            serpentine.setSelection(g != null && g.serpentine());
            origin.select(g == null ? 0 : g.origin().ordinal());
            allDelays.setSelection(shown.frameDelayMs(0));
            layoutProblem.setText("");
            enableLayout();
            frameShown(frame);
        } finally {
            updating = false;
        }
    }

    void frameShown(int index) {
        frame = index;
        if (frameDelay.isDisposed() || pattern == null) {
            return;
        }
        boolean wasUpdating = updating;
        updating = true;
        frameDelay.setSelection(pattern.frameDelayMs(index));
        updating = wasUpdating;
        long duration = pattern.durationMs();
        timing.setText(String.format("Loop %.2f s \u00B7 %.1f fps on average", duration / 1000.0,
                duration == 0 ? 0.0 : pattern.frameCount() * 1000.0 / duration));
    }

    private void layoutEdited() {
        if (updating) {
            return;
        }
        enableLayout();
        if (!matrix.getSelection()) {
            layoutProblem.setText("");
            onEdit.accept(pattern.withGeometry(null));
            return;
        }
        int w = width.getSelection();
        int h = height.getSelection();
        if ((long) w * h != pattern.ledCount()) {
            layoutProblem.setText(w + " x " + h + " = " + (long) w * h + " LEDs, but the pattern has " + pattern.ledCount()
                    + ". Pick a width and height whose product is " + pattern.ledCount() + ".");
            layoutProblem.getParent().layout();
            return;
        }
        layoutProblem.setText("");
        onEdit.accept(pattern.withGeometry(new MatrixGeometry(w, h, order.getSelectionIndex() == 1 ? Order.COLUMN_MAJOR : Order.ROW_MAJOR,
                serpentine.getSelection(), Corner.values()[Math.max(0, origin.getSelectionIndex())])));
    }

    private void delayEdited() {
        if (updating || frameDelay.getSelection() == pattern.frameDelayMs(frame)) {
            return;
        }
        int[] delays = pattern.frameDelaysMs();
        delays[frame] = frameDelay.getSelection();
        onEdit.accept(pattern.withFrameDelays(delays));
    }

    private void enableLayout() {
        boolean on = matrix.getSelection();
        for (var control : new org.eclipse.swt.widgets.Control[] { width, height, order, serpentine, origin }) {
            control.setEnabled(on);
        }
    }

    private static Group group(Composite parent, String title) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(group);
        return group;
    }

    private static Spinner spinner(Composite parent, int min, int max) {
        Spinner spinner = new Spinner(parent, SWT.BORDER);
        spinner.setValues(min, min, max, 0, 1, 10);
        return spinner;
    }
}
