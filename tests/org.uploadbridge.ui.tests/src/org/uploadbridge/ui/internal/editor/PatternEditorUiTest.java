package org.uploadbridge.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.ui.XMLMemento;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.testing.OsgiServices;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.MatrixGeometry.Corner;
import org.uploadbridge.core.pattern.MatrixGeometry.Order;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.ui.internal.patterns.PatternOpener;

/** Editing a pattern's layout and timing, saving it as native .bin, and playing a 64 x 64 matrix. */
class PatternEditorUiTest {

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    @Test
    void editedWiringAndDelaysAreSavedAsNativeBinAndReadBackEqual(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(RepositoryFiles.sample("aurora_strip.bin"), dir.resolve("aurora.bin"));
        PatternEditor editor = PatternOpener.open(page(), copy).orElseThrow();
        int[] delays = new int[editor.pattern().frameCount()];
        Arrays.fill(delays, 25);
        Pattern edited = editor.pattern()
                .withGeometry(new MatrixGeometry(4, 2, Order.ROW_MAJOR, true, Corner.BOTTOM_LEFT))
                .withFrameDelays(delays);

        editor.edit(edited);
        assertTrue(editor.isDirty());
        assertEquals(4, editor.preview().layout().columns(), "the preview follows the new wiring");
        assertEquals(2, editor.preview().layout().rows());
        // Bottom-left origin, serpentine: the first LED is drawn in the bottom row, the fifth above the fourth.
        assertEquals(0, editor.preview().layout().ledAtCell()[4]);
        assertEquals(4, editor.preview().layout().ledAtCell()[3]);

        editor.doSave(new NullProgressMonitor());
        assertFalse(editor.isDirty());
        assertEquals(edited, NativePatternCodec.decode(copy), "the saved file, with its geometry sidecar, is the edited pattern");
    }

    @Test
    void openEditorsAreReopenedWithTheSizeTheUserConfirmed() throws Exception {
        Path raw = RepositoryFiles.sample("raw-15x6-rows.bin");
        ReadOptions confirmed = ReadOptions.ofMatrix(15, 6);
        PatternLoader loader = OsgiServices.await(PatternLoader.class);
        PatternEditorInput input = new PatternEditorInput(loader.load(raw, confirmed), confirmed);

        XMLMemento memento = XMLMemento.createWriteRoot("editor");
        input.getPersistable().saveState(memento);
        assertEquals(PatternEditorInputFactory.ID, input.getPersistable().getFactoryId());
        PatternEditorInput reopened = (PatternEditorInput) new PatternEditorInputFactory().createElement(memento);

        assertEquals(input, reopened);
        assertEquals(confirmed.matrix(), reopened.options().matrix());
        assertEquals(input.loaded().pattern(), reopened.loaded().pattern());
    }

    @Test
    void aFileThatIsGoneIsNotReopened(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(RepositoryFiles.sample("pulse_square.bin"), dir.resolve("pulse.bin"));
        PatternLoader loader = OsgiServices.await(PatternLoader.class);
        PatternEditorInput input = new PatternEditorInput(loader.load(copy, ReadOptions.none()), ReadOptions.none());
        XMLMemento memento = XMLMemento.createWriteRoot("editor");
        input.getPersistable().saveState(memento);
        Files.delete(copy);
        assertEquals(null, new PatternEditorInputFactory().createElement(memento));
    }

    /**
     * Plays a 64 x 64 matrix with 16 ms frames (62.5 fps nominal) and prints the rate the preview
     * achieved. The figure is for people; the test asserts only that playback runs and keeps order.
     */
    @Test
    void a64By64MatrixPlaysAndReportsItsFrameRate(@TempDir Path dir) throws Exception {
        int side = 64;
        int frames = 60;
        byte[] rgb = new byte[side * side * frames * 3];
        new Random(7).nextBytes(rgb);
        int[] delays = new int[frames];
        Arrays.fill(delays, 16);
        Path file = dir.resolve("plasma-64x64.bin");
        NativePatternCodec.write(Pattern.of(side * side, delays, rgb, MatrixGeometry.rows(side, side)), file);

        PatternEditor editor = PatternOpener.open(page(), file).orElseThrow();
        PatternPreview preview = editor.preview();
        List<Long> shown = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        preview.addFrameListener(frame -> {
            shown.add(System.nanoTime());
            order.add(frame);
        });
        preview.showFrame(0);
        shown.clear();
        order.clear();
        preview.play();
        long start = System.nanoTime();
        waitUntil("three seconds of playback", Duration.ofSeconds(10), () -> System.nanoTime() - start > 3_000_000_000L);
        double paintedPerSecond = preview.measuredFps();
        preview.pause();

        assertTrue(order.size() > 2, "the animation advanced: " + order.size() + " frames");
        for (int i = 1; i < order.size(); i++) {
            assertEquals((order.get(i - 1) + 1) % frames, order.get(i), "frames play in order");
        }
        double[] intervals = new double[shown.size() - 1];
        for (int i = 1; i < shown.size(); i++) {
            intervals[i - 1] = (shown.get(i) - shown.get(i - 1)) / 1e6;
        }
        Arrays.sort(intervals);
        double seconds = (shown.get(shown.size() - 1) - shown.get(0)) / 1e9;
        System.out.printf("preview of a 64 x 64 matrix at 16 ms/frame (62.5 fps nominal): %.1f frames/s advanced,"
                + " %.0f painted in the last second, interval p50 %.1f ms, p99 %.1f ms%n",
                (order.size() - 1) / seconds, paintedPerSecond, intervals[intervals.length / 2],
                intervals[(int) Math.min(intervals.length - 1, Math.round(intervals.length * 0.99))]);
    }
}
