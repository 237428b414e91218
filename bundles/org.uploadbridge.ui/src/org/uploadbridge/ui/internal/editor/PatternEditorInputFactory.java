package org.uploadbridge.ui.internal.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPersistableElement;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.ServiceRef;

/**
 * Saves the open pattern editors with the workbench and reopens them on the next start: the file
 * and the size the user confirmed for a headerless file. A file that is gone or no longer reads is
 * not reopened, and the log says why.
 */
public final class PatternEditorInputFactory implements IElementFactory {

    public static final String ID = "org.uploadbridge.ui.editors.patternInputFactory";

    private static final String FILE = "file";
    private static final String LEDS = "leds";
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";
    private static final String DELAY = "delayMs";

    static IPersistableElement persistable(PatternEditorInput input) {
        return new IPersistableElement() {
            @Override
            public String getFactoryId() {
                return ID;
            }

            @Override
            public void saveState(IMemento memento) {
                ReadOptions options = input.options();
                memento.putString(FILE, input.loaded().file().toString());
                options.ledCount().ifPresent(n -> memento.putInteger(LEDS, n));
                options.matrix().ifPresent(m -> {
                    memento.putInteger(WIDTH, m.width());
                    memento.putInteger(HEIGHT, m.height());
                });
                options.frameDelayMs().ifPresent(ms -> memento.putInteger(DELAY, ms));
            }
        };
    }

    @Override
    public IAdaptable createElement(IMemento memento) {
        String name = memento.getString(FILE);
        if (name == null || !Files.isRegularFile(Path.of(name))) {
            ILog.of(getClass()).info("Not reopening " + name + ": the file is gone");
            return null;
        }
        ReadOptions options = options(memento);
        try (ServiceRef<PatternLoader> loader = new ServiceRef<>(PatternLoader.class)) {
            return new PatternEditorInput(loader.get().load(Path.of(name), options), options);
        } catch (UploadBridgeException e) {
            // At start-up no dialog: the Logs view shows why, with the guidance.
            ILog.of(getClass()).warn(ErrorDialogs.describe("Reopening " + name, e));
            return null;
        }
    }

    private static ReadOptions options(IMemento memento) {
        Integer leds = memento.getInteger(LEDS);
        Integer width = memento.getInteger(WIDTH);
        Integer height = memento.getInteger(HEIGHT);
        ReadOptions options = leds != null ? ReadOptions.ofLeds(leds)
                : width != null && height != null ? ReadOptions.ofMatrix(width, height) : ReadOptions.none();
        Integer delay = memento.getInteger(DELAY);
        return delay == null ? options : new ReadOptions(options.ledCount(), options.matrix(), OptionalInt.of(delay));
    }
}
