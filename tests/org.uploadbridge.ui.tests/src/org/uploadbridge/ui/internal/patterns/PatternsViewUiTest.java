package org.uploadbridge.ui.internal.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.page;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.samplePatterns;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.screenshot;
import static org.uploadbridge.ui.internal.tests.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.testing.RepositoryFiles;
import org.uploadbridge.ui.internal.editor.PatternEditor;
import org.uploadbridge.ui.internal.editor.PatternPreview;
import org.uploadbridge.ui.internal.editor.PreviewLayout;

/**
 * Opens the users' real pattern files from the Patterns view and reads back what the preview shows
 * on screen, cell by cell, against the pattern's own colours.
 */
class PatternsViewUiTest {

    private PatternsView view;
    private Path samples;

    @BeforeEach
    void showLibraryOfSamples() throws Exception {
        view = (PatternsView) page().showView(PatternsView.ID);
        samples = samplePatterns();
        long files;
        try (java.util.stream.Stream<Path> listed = java.nio.file.Files.list(samples)) {
            files = listed.filter(java.nio.file.Files::isRegularFile).count();
        }
        view.addFolder(samples);
        waitUntil("the library scan of " + files + " files in " + samples, Duration.ofSeconds(30),
                () -> view.library().summaries(samples).size() == files);
    }

    @AfterEach
    void closeEditors() throws Exception {
        page().closeAllEditors(false);
        view.library().removeFolder(samples);
    }

    @Test
    void listsEverySampleWithItsDimensionsAndState() {
        Map<String, PatternSummary> rows = view.library().summaries(samples).stream()
                .collect(Collectors.toMap(r -> r.file().getFileName().toString(), r -> r));
        // Each sample the shared data holds (a copy may lack some): its size, frames and state.
        Map<String, int[]> natives = Map.of("aurora_strip.bin", new int[] {8, 6}, "nebula_grid.bin", new int[] {98, 11},
                "vortex_banner.bin", new int[] {256, 16}, "meteor_curtain.bin", new int[] {144, 12},
                "pulse_square.bin", new int[] {100, 5});
        natives.forEach((name, size) -> {
            if (rows.containsKey(name)) {
                assertRow(rows.get(name), size[0], size[1]);
            }
        });
        if (rows.containsKey("matrix-12x6.leds")) {
            assertRow(rows.get("matrix-12x6.leds"), 72, rows.get("matrix-12x6.leds").frameCount());
            assertEquals(12, rows.get("matrix-12x6.leds").geometry().width());
        }
        if (rows.containsKey("raw-15x6-rows.bin")) {
            assertEquals(PatternSummary.State.NEEDS_SIZE, rows.get("raw-15x6-rows.bin").state(),
                    "a headerless file is never given a guessed size silently");
            assertTrue(rows.get("raw-15x6-rows.bin").problem().contains("15 x 6"), rows.get("raw-15x6-rows.bin").problem());
        }
        assertTrue(rows.keySet().stream().anyMatch(natives::containsKey), "at least one known sample was listed: " + rows.keySet());
    }

    @Test
    void previewOfAMatrixShowsTheFirstFrameColoursCellByCell() {
        PatternEditor editor = open("matrix-12x6.leds");
        assertPreviewShowsFrame(editor, 0);
        editor.step(1);
        assertPreviewShowsFrame(editor, 1);
    }

    @Test
    void previewOfAStripShowsTheFirstFrameColoursCellByCell() {
        PatternEditor editor = open("aurora_strip.bin");
        assertPreviewShowsFrame(editor, 0);
        editor.step(3);
        assertPreviewShowsFrame(editor, 3);
    }

    @Test
    void filterNarrowsTheLibraryToMatchingFiles() {
        view.filterText().setText("strip");
        int visible = view.viewer().getTree().getItem(0).getItemCount();
        assertEquals(1, visible, "only aurora_strip.bin matches 'strip'");
        view.filterText().setText("");
    }

    private PatternEditor open(String name) {
        RepositoryFiles.sample(name); // skips the test, saying so, when this copy of the samples lacks it
        PatternSummary row = view.library().summaries(samples).stream()
                .filter(r -> r.file().getFileName().toString().equals(name)).findFirst().orElseThrow();
        view.viewer().setSelection(new StructuredSelection(row), true);
        view.openSelection();
        PatternEditor editor = assertInstanceOf(PatternEditor.class, page().getActiveEditor());
        editor.preview().showFrame(0);
        return editor;
    }

    /**
     * Reads the preview back from the screen until it shows {@code frame} (the X server paints
     * asynchronously), then requires every LED's cell to have exactly that LED's colour.
     */
    private static void assertPreviewShowsFrame(PatternEditor editor, int frame) {
        PatternPreview preview = editor.preview();
        assertEquals(frame, preview.frame());
        assertTrue(!preview.isPlaying(), "stepping pauses the animation");
        String[] mismatch = { null };
        try {
            waitUntil("the preview to show frame " + frame, Duration.ofSeconds(5), () -> {
                mismatch[0] = firstMismatch(editor.pattern(), preview, frame);
                return mismatch[0] == null;
            });
        } catch (AssertionError timedOut) {
            throw new AssertionError(mismatch[0], timedOut);
        }
    }

    /** The first LED whose cell on screen differs from its colour in {@code frame}, or null. */
    private static String firstMismatch(Pattern pattern, PatternPreview preview, int frame) {
        PreviewLayout layout = preview.layout();
        ImageData shot = screenshot(preview.control());
        Rectangle grid = preview.cellGeometry();
        int checked = 0;
        for (int row = 0; row < layout.rows(); row++) {
            for (int col = 0; col < layout.columns(); col++) {
                int led = layout.ledAtCell()[row * layout.columns() + col];
                if (led < 0) {
                    continue;
                }
                int x = grid.x + col * grid.width + grid.width / 2;
                int y = grid.y + row * grid.height + grid.height / 2;
                RGB actual = shot.palette.getRGB(shot.getPixel(x, y));
                int colour = pattern.rgb(frame, led);
                RGB expected = new RGB(colour >> 16 & 0xFF, colour >> 8 & 0xFF, colour & 0xFF);
                if (!expected.equals(actual)) {
                    return "LED " + led + " at cell (" + col + ", " + row + ") of frame " + frame + ": expected " + expected
                            + " but the screen shows " + actual;
                }
                checked++;
            }
        }
        return checked == pattern.ledCount() ? null : "only " + checked + " of " + pattern.ledCount() + " LEDs are on screen";
    }

    private static void assertRow(PatternSummary row, int leds, int frames) {
        assertEquals(leds, row.ledCount(), row.file() + " LEDs");
        assertEquals(frames, row.frameCount(), row.file() + " frames");
        assertTrue(row.state() == PatternSummary.State.VALID || row.state() == PatternSummary.State.WARNINGS,
                row.file() + " is valid: " + row.problem());
    }
}
