package org.uploadbridge.core.error;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue's texts for one error code.
 *
 * @param code the code, e.g. {@code UB-P001}
 * @param title a short title for dialogs and list rows
 * @param messageTemplate what happened, with {@link MessageFormat} placeholders
 * @param steps numbered troubleshooting steps, in order
 */
public record CatalogEntry(String code, String title, String messageTemplate, List<String> steps) {

    public CatalogEntry {
        steps = List.copyOf(steps);
    }

    /** The message with its placeholders filled from {@code args}. */
    public String message(Object... args) {
        return new MessageFormat(messageTemplate, Locale.ROOT).format(args == null ? new Object[0] : args);
    }

    /** Where {@code docs/troubleshooting.md} explains this error. */
    public String docReference() {
        return "docs/troubleshooting.md#" + code.toLowerCase(Locale.ROOT);
    }
}
