package org.uploadbridge.ui.internal.patterns;

import java.nio.file.Path;


import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.format.SizeGuess;
import org.uploadbridge.core.format.SizeRequiredException;

/**
 * Asks for the matrix size of a headerless raw RGB file. The ranked guesses are offered, none is
 * pre-applied: the user picks one or types the size, and confirms.
 */
final class SizeGuessDialog extends TitleAreaDialog {

    private final Path file;
    private final java.util.List<SizeGuess> guesses;
    private final String detail;
    private Spinner width;
    private Spinner height;
    private ReadOptions options;

    SizeGuessDialog(Shell parent, Path file, SizeRequiredException cause) {
        super(parent);
        this.file = file;
        this.guesses = cause.guesses();
        this.detail = cause.detail();
    }

    ReadOptions options() {
        return options;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Size of " + file.getFileName());
        setMessage("This file has no header. Tell Upload Bridge its matrix size (use height 1 for a strip).");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(body);

        Label why = new Label(body, SWT.WRAP);
        why.setText(detail);
        GridDataFactory.fillDefaults().span(4, 1).hint(480, SWT.DEFAULT).applyTo(why);

        new Label(body, SWT.NONE).setText("Width:");
        width = new Spinner(body, SWT.BORDER);
        width.setValues(0, 0, 65535, 0, 1, 8);
        new Label(body, SWT.NONE).setText("Height:");
        height = new Spinner(body, SWT.BORDER);
        height.setValues(0, 0, 65535, 0, 1, 8);

        Label title = new Label(body, SWT.NONE);
        title.setText(guesses.isEmpty() ? "No layout fits the file size exactly." : "Layouts that fit the file size, most plausible first:");
        GridDataFactory.fillDefaults().span(4, 1).applyTo(title);
        org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(body, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).hint(SWT.DEFAULT, 160).applyTo(list);
        for (SizeGuess guess : guesses) {
            list.add(guess.rank() + ". " + guess.width() + " x " + guess.height() + ", " + guess.frameCount()
                    + " frames: " + guess.reason());
        }
        list.addListener(SWT.Selection, e -> {
            int index = list.getSelectionIndex();
            if (index >= 0) {
                width.setSelection(guesses.get(index).width());
                height.setSelection(guesses.get(index).height());
                validate();
            }
        });
        width.addListener(SWT.Modify, e -> validate());
        height.addListener(SWT.Modify, e -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("Open with This Size");
        validate();
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null || width == null) {
            return;
        }
        boolean valid = width.getSelection() > 0 && height.getSelection() > 0;
        ok.setEnabled(valid);
        setErrorMessage(valid ? null : "Enter a width and a height, or pick a layout from the list.");
    }

    @Override
    protected void okPressed() {
        int w = width.getSelection();
        int h = height.getSelection();
        options = h == 1 ? ReadOptions.ofLeds(w) : ReadOptions.ofMatrix(w, h);
        super.okPressed();
    }
}
