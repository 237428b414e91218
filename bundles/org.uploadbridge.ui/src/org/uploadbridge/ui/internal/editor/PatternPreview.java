package org.uploadbridge.ui.internal.editor;

import java.util.ArrayDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.uploadbridge.core.pattern.Pattern;

/**
 * The animated preview of a pattern. Each frame is rendered into one image at screen size (one
 * square cell per LED, a dark gap between cells when they are large enough) and drawn unscaled, so
 * the colours on screen are exactly the pattern's. Playback follows the frames' own delays against
 * a running deadline, so rounding in the timer does not accumulate.
 */
public final class PatternPreview {

    private static final int BACKGROUND = 0x202020;
    private static final long NANOS_PER_MS = 1_000_000L;

    private final Canvas canvas;
    private final CopyOnWriteArrayList<IntConsumer> frameListeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Long> paintTimes = new ArrayDeque<>();
    private final Runnable tick = this::tick;
    private Pattern pattern;
    private PreviewLayout layout;
    private byte[] frameRgb;
    private ImageData buffer;
    private int frame;
    private boolean playing;
    private long nextDueNanos;

    public PatternPreview(Composite parent) {
        canvas = new Canvas(parent, SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Dispose, e -> playing = false);
    }

    public Canvas control() {
        return canvas;
    }

    public void setPattern(Pattern newPattern) {
        pattern = newPattern;
        layout = PreviewLayout.of(newPattern);
        frameRgb = new byte[newPattern.ledCount() * 3];
        frame = Math.min(frame, newPattern.frameCount() - 1);
        canvas.redraw();
        fireFrameChanged();
    }

    public Pattern pattern() {
        return pattern;
    }

    public PreviewLayout layout() {
        return layout;
    }

    public int frame() {
        return frame;
    }

    public boolean isPlaying() {
        return playing;
    }

    /** Shows {@code index} (wrapping around) and pauses. */
    public void showFrame(int index) {
        pause();
        setFrame(index);
    }

    /** Moves {@code delta} frames (negative: backwards) and pauses. */
    public void step(int delta) {
        showFrame(frame + delta);
    }

    public void play() {
        if (playing || pattern == null) {
            return;
        }
        playing = true;
        nextDueNanos = System.nanoTime() + pattern.frameDelayMs(frame) * NANOS_PER_MS;
        schedule();
    }

    public void pause() {
        playing = false;
        canvas.getDisplay().timerExec(-1, tick);
    }

    public void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    public void addFrameListener(IntConsumer listener) {
        frameListeners.add(listener);
    }

    /** Frames actually painted during the last second. */
    public double measuredFps() {
        long now = System.nanoTime();
        while (!paintTimes.isEmpty() && now - paintTimes.peekFirst() > 1_000 * NANOS_PER_MS) {
            paintTimes.pollFirst();
        }
        return paintTimes.size();
    }

    /** The size of one LED cell in pixels and the top-left of the grid, for the current canvas size. */
    public Rectangle cellGeometry() {
        Point size = canvas.getSize();
        int cell = Math.max(1, Math.min(size.x / layout.columns(), size.y / layout.rows()));
        int left = Math.max(0, (size.x - cell * layout.columns()) / 2);
        int top = Math.max(0, (size.y - cell * layout.rows()) / 2);
        return new Rectangle(left, top, cell, cell);
    }

    private void setFrame(int index) {
        int count = pattern.frameCount();
        frame = Math.floorMod(index, count);
        canvas.redraw();
        fireFrameChanged();
    }

    private void tick() {
        if (!playing || canvas.isDisposed()) {
            return;
        }
        setFrame(frame + 1);
        long now = System.nanoTime();
        nextDueNanos += Math.max(1, pattern.frameDelayMs(frame)) * NANOS_PER_MS;
        if (nextDueNanos < now - 250 * NANOS_PER_MS) {
            nextDueNanos = now; // fell far behind (window hidden, debugger): resume from now, do not race
        }
        schedule();
    }

    private void schedule() {
        long waitMs = Math.max(1, (nextDueNanos - System.nanoTime() + NANOS_PER_MS / 2) / NANOS_PER_MS);
        canvas.getDisplay().timerExec((int) waitMs, tick);
    }

    private void fireFrameChanged() {
        frameListeners.forEach(l -> l.accept(frame));
    }

    private void paint(Event event) {
        Point size = canvas.getSize();
        if (size.x <= 0 || size.y <= 0) {
            return;
        }
        GC gc = event.gc;
        if (pattern == null) {
            gc.fillRectangle(0, 0, size.x, size.y);
            return;
        }
        render(size);
        Image image = new Image(canvas.getDisplay(), buffer);
        try {
            gc.drawImage(image, 0, 0);
        } finally {
            image.dispose();
        }
        paintTimes.addLast(System.nanoTime());
        if (paintTimes.size() > 1000) {
            paintTimes.pollFirst();
        }
    }

    /** Fills the screen-sized buffer with the current frame's cells. */
    private void render(Point size) {
        if (buffer == null || buffer.width != size.x || buffer.height != size.y) {
            buffer = new ImageData(size.x, size.y, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        }
        byte[] data = buffer.data;
        int stride = buffer.bytesPerLine;
        fillBackground(data);
        pattern.copyFrame(frame, frameRgb, 0);
        Rectangle grid = cellGeometry();
        int cell = grid.width;
        int gap = cell >= 6 ? 1 : 0;
        int[] cells = layout.ledAtCell();
        for (int row = 0; row < layout.rows(); row++) {
            for (int col = 0; col < layout.columns(); col++) {
                int led = cells[row * layout.columns() + col];
                if (led < 0) {
                    continue;
                }
                byte r = frameRgb[led * 3];
                byte g = frameRgb[led * 3 + 1];
                byte b = frameRgb[led * 3 + 2];
                int x0 = grid.x + col * cell;
                int y0 = grid.y + row * cell;
                for (int y = y0; y < y0 + cell - gap && y < buffer.height; y++) {
                    int i = y * stride + x0 * 3;
                    for (int x = 0; x < cell - gap && x0 + x < buffer.width; x++) {
                        data[i++] = r;
                        data[i++] = g;
                        data[i++] = b;
                    }
                }
            }
        }
    }

    private void fillBackground(byte[] data) {
        byte r = (byte) (BACKGROUND >> 16);
        byte g = (byte) (BACKGROUND >> 8);
        byte b = (byte) BACKGROUND;
        for (int y = 0; y < buffer.height; y++) {
            int i = y * buffer.bytesPerLine;
            for (int x = 0; x < buffer.width; x++) {
                data[i++] = r;
                data[i++] = g;
                data[i++] = b;
            }
        }
    }
}
