package org.uploadbridge.ui.internal.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;

/** Finds controls in a shell the test did not build: the status line's indicator, a dialog's texts and buttons. */
final class Widgets {

    private Widgets() {
    }

    /** The first control under {@code root} whose data is of {@code dataType}. */
    static Optional<Control> find(Composite root, Class<?> dataType) {
        return all(root).stream().filter(c -> dataType.isInstance(c.getData())).findFirst();
    }

    /** Every text shown under {@code root}, one a line. */
    static String texts(Composite root) {
        StringBuilder texts = new StringBuilder();
        for (Control control : all(root)) {
            String text = switch (control) {
                case Label label -> label.getText();
                case CLabel label -> label.getText();
                case Text field -> field.getText();
                case Link link -> link.getText();
                default -> null;
            };
            if (text != null && !text.isEmpty()) {
                texts.append(text).append('\n');
            }
        }
        return texts.toString();
    }

    /** Presses the button labelled {@code label} (mnemonic left out). */
    static void press(Composite root, String label) {
        Button button = (Button) all(root).stream()
                .filter(c -> c instanceof Button b && b.getText().replace("&", "").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + texts(root)));
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static List<Control> all(Composite root) {
        List<Control> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            found.add(child);
            if (child instanceof Composite composite) {
                found.addAll(all(composite));
            }
        }
        return found;
    }
}
