package org.uploadbridge.ui.internal.editor;

import java.util.List;
import java.util.function.IntConsumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.uploadbridge.ui.internal.common.Columns;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.ValidationReport;

/** The validation results of the edited pattern, with their locations; double-click jumps to the frame. */
public final class FindingsTable {

    private final TableViewer viewer;
    private final Label headline;
    private ValidationReport report;

    FindingsTable(Composite parent, IntConsumer showFrame) {
        Composite panel = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(panel);
        headline = new Label(panel, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(headline);
        viewer = new TableViewer(panel, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        viewer.getTable().setHeaderVisible(true);
        Columns.add(viewer, Finding.class, "Severity", 70, f -> f.severity().name().toLowerCase());
        Columns.add(viewer, Finding.class, "Code", 70, f -> f.code().id());
        Columns.add(viewer, Finding.class, "Message", 320, Finding::message);
        Columns.add(viewer, Finding.class, "Frame", 50, f -> f.location().frame().isPresent() ? Integer.toString(f.location().frame().getAsInt() + 1) : "");
        Columns.add(viewer, Finding.class, "LED", 50, f -> f.location().led().isPresent() ? Integer.toString(f.location().led().getAsInt()) : "");
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof Finding f && f.location().frame().isPresent()) {
                showFrame.accept(f.location().frame().getAsInt());
            }
        });
    }

    void show(ValidationReport newReport) {
        report = newReport;
        viewer.setInput(newReport.findings());
        List<Finding> errors = newReport.errors();
        headline.setText(errors.isEmpty()
                ? (newReport.warnings().isEmpty() ? "Valid: no problems found." : "Valid, with " + newReport.warnings().size() + " warning(s).")
                : "Invalid: " + errors.size() + " error(s), " + newReport.warnings().size() + " warning(s).");
        headline.getParent().layout();
    }

    public ValidationReport report() {
        return report;
    }

}
