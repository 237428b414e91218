package org.uploadbridge.ui.internal.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.log.LogLevel;
import org.uploadbridge.core.io.AtomicFiles;
import org.uploadbridge.ui.internal.common.Columns;
import org.uploadbridge.ui.internal.common.ServiceRef;

/**
 * The application's log, live: newest at the bottom, filtered by the lowest level to show, by
 * source (bundle or logger) and by text (message, source or stack trace). Below the table, the
 * selected record in full; for a catalogued error, its guidance: code, title, what happened, the
 * steps to try and where the docs explain it. Updates are batched so a burst of records costs one refresh.
 */
public class LogsView extends ViewPart {

    public static final String ID = "org.uploadbridge.ui.views.logs";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final LogLevel[] LEVELS = { LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG, LogLevel.TRACE };
    static final String ALL_SOURCES = "All sources";

    private ServiceRef<LogRecordBuffer> buffer;
    private final Consumer<LogRecord> listener = r -> scheduleRefresh();
    private TableViewer viewer;
    private Combo level;
    private Combo source;
    private Text details;
    private Text filter;
    private Label count;
    private List<LogRecord> shown = List.of();
    private boolean refreshPending;

    @Override
    public void createPartControl(Composite parent) {
        buffer = new ServiceRef<>(LogRecordBuffer.class);
        GridLayoutFactory.fillDefaults().numColumns(6).spacing(6, 2).applyTo(parent);
        new Label(parent, SWT.NONE).setText("Level:");
        level = new Combo(parent, SWT.READ_ONLY);
        level.setItems("Errors", "Warnings and up", "Info and up", "Debug and up", "Everything");
        level.select(2);
        new Label(parent, SWT.NONE).setText("Source:");
        source = new Combo(parent, SWT.READ_ONLY);
        source.setItems(ALL_SOURCES);
        source.select(0);
        source.setToolTipText("Only the records of one bundle or logger");
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(source);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter by text");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        count = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(count);

        SashForm split = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(6, 1).applyTo(split);
        viewer = new TableViewer(split, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        details = new Text(split, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        details.setMessage("Select a record to see it in full; a catalogued error shows what to try.");
        split.setWeights(3, 1);
        viewer.getTable().setHeaderVisible(true);
        Columns.add(viewer, LogRecord.class, "Time", 100, r -> TIME.format(r.time()));
        Columns.add(viewer, LogRecord.class, "Level", 60, r -> r.level().name(), LogsView::colour);
        Columns.add(viewer, LogRecord.class, "Source", 220, LogRecord::source);
        Columns.add(viewer, LogRecord.class, "Message", 700, r -> r.exception().isEmpty() ? r.message() : r.message() + "  [" + firstLine(r.exception()) + "]",
                LogsView::colour);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider((ILazyContentProvider) index -> viewer.replace(shown.get(index), index));

        level.addListener(SWT.Selection, e -> refresh());
        source.addListener(SWT.Selection, e -> refresh());
        viewer.addSelectionChangedListener(e -> showDetails());
        filter.addListener(SWT.Modify, e -> refresh());
        buffer.get().addListener(listener);
        getViewSite().getActionBars().getToolBarManager().add(new Action("Export...") {
            {
                setToolTipText("Save the records shown (with their stack traces) to a text file for support");
            }

            @Override
            public void run() {
                askAndExport();
            }
        });
        refresh();
    }

    /**
     * Writes the records the filters let through (already redacted) to {@code file}, one per line
     * with the exception's stack indented below, atomically: a support engineer gets what the user sees.
     */
    public void export(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (LogRecord r : shown) {
            text.append(DateTimeFormatter.ISO_INSTANT.format(r.time())).append(' ').append(r.level()).append(' ')
                    .append(r.source()).append(": ").append(r.message()).append('\n');
            r.exception().lines().forEach(line -> text.append("    ").append(line).append('\n'));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    private void askAndExport() {
        FileDialog dialog = new FileDialog(viewer.getControl().getShell(), SWT.SAVE);
        dialog.setText("Export the Shown Log Records");
        dialog.setFileName("upload-bridge-log.txt");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        try {
            export(Path.of(chosen));
        } catch (IOException e) {
            MessageDialog.openError(viewer.getControl().getShell(), "Export the Shown Log Records",
                    "The log could not be written to " + chosen + ": " + e.getMessage());
        }
    }

    /** The records the current filters let through, oldest first. */
    public List<LogRecord> visibleRecords() {
        return shown;
    }

    /** Shows only the records of {@code name} (one of {@link #sources()}), or all for {@link #ALL_SOURCES}. */
    public void setSourceFilter(String name) {
        int index = source.indexOf(name);
        source.select(Math.max(0, index));
        refresh();
    }

    /** The choices of the source filter: {@link #ALL_SOURCES}, then every source that logged, sorted. */
    public List<String> sources() {
        return List.of(source.getItems());
    }

    /** Selects {@code record} (if shown) and returns what the details pane shows for it. */
    public String showDetails(LogRecord record) {
        int index = shown.indexOf(record);
        if (index >= 0) {
            viewer.getTable().setSelection(index);
        }
        details.setText(RecordDetails.of(record));
        return details.getText();
    }

    /** The records selected in the table. */
    public List<LogRecord> selectedRecords() {
        List<LogRecord> selected = new ArrayList<>();
        for (int index : viewer.getTable().getSelectionIndices()) {
            selected.add(shown.get(index));
        }
        return selected;
    }

    public void setTextFilter(String text) {
        filter.setText(text);
    }

    public void setLowestLevel(LogLevel lowest) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i] == lowest) {
                level.select(i);
            }
        }
        refresh();
    }

    private void scheduleRefresh() {
        Display display = viewer.getControl().getDisplay();
        synchronized (this) {
            if (refreshPending) {
                return;
            }
            refreshPending = true;
        }
        display.asyncExec(() -> display.timerExec(200, () -> {
            synchronized (this) {
                refreshPending = false;
            }
            if (!viewer.getControl().isDisposed()) {
                refresh();
            }
        }));
    }

    private void refresh() {
        LogLevel lowest = LEVELS[Math.max(0, level.getSelectionIndex())];
        String text = filter.getText().trim().toLowerCase(Locale.ROOT);
        List<LogRecord> all = buffer.get().snapshot();
        String from = updateSources(all);
        List<LogRecord> matching = new ArrayList<>();
        for (LogRecord r : all) {
            if (r.level().ordinal() <= lowest.ordinal() && (from == null || from.equals(r.source()))
                    && (text.isEmpty() || contains(r, text))) {
                matching.add(r);
            }
        }
        Set<LogRecord> selected = new HashSet<>(selectedRecords());
        // Selection is restored below by record: JFace's own would ask the lazy provider for rows of the old list.
        viewer.getTable().deselectAll();
        shown = List.copyOf(matching);
        viewer.setInput(shown);
        viewer.setItemCount(shown.size());
        viewer.refresh();
        // What the user selected stays selected (and in view); otherwise the newest record is shown.
        Map<LogRecord, Integer> positions = new HashMap<>();
        for (int i = 0; i < shown.size() && positions.size() < selected.size(); i++) {
            if (selected.contains(shown.get(i))) {
                positions.put(shown.get(i), i);
            }
        }
        if (!positions.isEmpty()) {
            viewer.getTable().setSelection(positions.values().stream().mapToInt(Integer::intValue).toArray());
            viewer.getTable().showSelection();
        } else if (!shown.isEmpty()) {
            viewer.getTable().showItem(viewer.getTable().getItem(shown.size() - 1));
        }
        count.setText(shown.size() + " records");
    }

    /** Offers every source present, keeping the one chosen; returns it, or {@code null} for all. */
    private String updateSources(List<LogRecord> all) {
        String chosen = source.getSelectionIndex() > 0 ? source.getItem(source.getSelectionIndex()) : null;
        SortedSet<String> present = new TreeSet<>();
        all.forEach(r -> present.add(r.source()));
        if (chosen != null) {
            present.add(chosen); // its records may have been dropped from the buffer; the choice stays
        }
        List<String> items = new ArrayList<>(present.size() + 1);
        items.add(ALL_SOURCES);
        items.addAll(present);
        if (!items.equals(List.of(source.getItems()))) {
            source.setItems(items.toArray(String[]::new));
            source.select(chosen == null ? 0 : items.indexOf(chosen));
        }
        return chosen;
    }

    private void showDetails() {
        // A refresh may clear the selection for a moment: the pane keeps the last record chosen.
        if (viewer.getStructuredSelection().getFirstElement() instanceof LogRecord selected) {
            details.setText(RecordDetails.of(selected));
        }
    }

    private static boolean contains(LogRecord r, String text) {
        return r.message().toLowerCase(Locale.ROOT).contains(text) || r.source().toLowerCase(Locale.ROOT).contains(text)
                || r.exception().toLowerCase(Locale.ROOT).contains(text);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).trim();
    }

    /** Errors in red, warnings in dark yellow. */
    private static Color colour(LogRecord record) {
        LogLevel l = record.level();
        return l == LogLevel.ERROR || l == LogLevel.AUDIT ? Display.getCurrent().getSystemColor(SWT.COLOR_RED)
                : l == LogLevel.WARN ? Display.getCurrent().getSystemColor(SWT.COLOR_DARK_YELLOW) : null;
    }

    @Override
    public void setFocus() {
        filter.setFocus();
    }

    @Override
    public void dispose() {
        if (buffer != null) {
            buffer.get().removeListener(listener);
            buffer.close();
        }
        super.dispose();
    }
}
