package org.uploadbridge.ui.internal.health;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.metrics.DeviceMetrics;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.ui.internal.common.Columns;
import org.uploadbridge.ui.internal.common.ServiceRef;

/**
 * Each device's health as the metrics keep it (score, success rates, throughput, status latency,
 * retries) beside what its guard says now (breaker, uploads left this hour), refreshed every
 * {@value #REFRESH_MS} ms, with the fleet's score over time. The formula is in docs/metrics.md.
 */
public final class HealthView extends ViewPart {

    public static final String ID = "org.uploadbridge.ui.views.health";
    static final int REFRESH_MS = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private ServiceRef<DeviceMetrics> metrics;
    private ServiceRef<DeviceGuard> guard;
    private TableViewer viewer;
    private HealthHistory history;
    private Label overall;

    @Override
    public void createPartControl(Composite parent) {
        metrics = new ServiceRef<>(DeviceMetrics.class);
        guard = new ServiceRef<>(DeviceGuard.class);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(parent);
        overall = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(overall);
        history = new HealthHistory(parent);
        GridDataFactory.fillDefaults().hint(300, 60).applyTo(history);
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(viewer.getControl());
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Columns.add(viewer, HealthRow.class, "Device", 150, r -> r.device().toString());
        Columns.add(viewer, HealthRow.class, "Health", 60, r -> r.health().hasData() ? Integer.toString(r.health().score()) : "-");
        Columns.add(viewer, HealthRow.class, "Uploads ok", 80, r -> percent(r.health().uploadSuccessRate()));
        Columns.add(viewer, HealthRow.class, "Network ok", 80, r -> percent(r.health().networkSuccessRate()));
        Columns.add(viewer, HealthRow.class, "Uploads", 60, r -> Long.toString(r.health().uploads()));
        Columns.add(viewer, HealthRow.class, "Throughput", 90, r -> String.format(Locale.ROOT, "%.1f KB/s", r.health().throughputBytesPerSecond() / 1000));
        Columns.add(viewer, HealthRow.class, "Status p50/p95/p99", 140, r -> r.health().statusP50().toMillis() + " / "
                + r.health().statusP95().toMillis() + " / " + r.health().statusP99().toMillis() + " ms");
        Columns.add(viewer, HealthRow.class, "Retries", 60, r -> Long.toString(r.health().retries()));
        Columns.add(viewer, HealthRow.class, "Breaker", 90, r -> r.guard().breaker().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Columns.add(viewer, HealthRow.class, "Uploads left/h", 100, r -> r.guard().uploadsLeftThisHour() == Integer.MAX_VALUE ? "no limit"
                : Integer.toString(r.guard().uploadsLeftThisHour()));
        Columns.add(viewer, HealthRow.class, "Last seen", 80, r -> r.health().lastSeen().map(TIME::format).orElse(""));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        refresh();
        scheduleRefresh();
    }

    /** Reads the metrics and the guard again, and adds a point to the fleet's history. */
    public void refresh() {
        DeviceMetrics current = metrics.get();
        List<HealthRow> rows = current.devices().stream()
                .map(device -> new HealthRow(device, current.health(device), guard.get().state(device))).toList();
        viewer.setInput(rows);
        DeviceHealth fleet = current.overall();
        overall.setText(fleet.hasData() ? String.format(Locale.ROOT, "Fleet health %d of 100: %d device(s), uploads %s ok, network %s ok, %d retries",
                fleet.score(), rows.size(), percent(fleet.uploadSuccessRate()), percent(fleet.networkSuccessRate()), fleet.retries())
                : "No device activity measured yet: uploads and status requests fill this view.");
        history.add(fleet.hasData() ? fleet.score() : 100);
        overall.getParent().layout();
    }

    public List<HealthRow> rows() {
        @SuppressWarnings("unchecked")
        List<HealthRow> rows = (List<HealthRow>) viewer.getInput();
        return rows;
    }

    List<Integer> history() {
        return history.scores();
    }

    private void scheduleRefresh() {
        viewer.getControl().getDisplay().timerExec(REFRESH_MS, () -> {
            if (!viewer.getControl().isDisposed()) {
                refresh();
                scheduleRefresh();
            }
        });
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (metrics != null) {
            metrics.close();
            guard.close();
        }
        super.dispose();
    }
}
