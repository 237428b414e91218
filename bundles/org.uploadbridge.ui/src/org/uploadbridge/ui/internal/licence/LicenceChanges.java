package org.uploadbridge.ui.internal.licence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.uploadbridge.licensing.LicenceState;

/**
 * Tells the status-bar indicators that the licence was installed or removed in this workbench, so
 * they show it at once instead of at their next periodic check. Used on the UI thread only.
 */
final class LicenceChanges {

    private static final List<Consumer<LicenceState>> LISTENERS = new CopyOnWriteArrayList<>();

    private LicenceChanges() {
    }

    static void subscribe(Consumer<LicenceState> listener) {
        LISTENERS.add(listener);
    }

    static void unsubscribe(Consumer<LicenceState> listener) {
        LISTENERS.remove(listener);
    }

    static void changed(LicenceState now) {
        LISTENERS.forEach(listener -> listener.accept(now));
    }
}
