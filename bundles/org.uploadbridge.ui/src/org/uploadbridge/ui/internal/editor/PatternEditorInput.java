package org.uploadbridge.ui.internal.editor;

import java.util.Objects;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.ReadOptions;

/** A pattern file already read, with the options it was read with (the size the user confirmed). */
public final class PatternEditorInput extends PlatformObject implements IPathEditorInput {

    private final LoadedPattern loaded;
    private final ReadOptions options;

    public PatternEditorInput(LoadedPattern loaded, ReadOptions options) {
        this.loaded = Objects.requireNonNull(loaded);
        this.options = Objects.requireNonNull(options);
    }

    public LoadedPattern loaded() {
        return loaded;
    }

    public ReadOptions options() {
        return options;
    }

    @Override
    public IPath getPath() {
        return IPath.fromPath(loaded.file());
    }

    @Override
    public boolean exists() {
        return loaded.file().toFile().exists();
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return loaded.file().getFileName().toString();
    }

    @Override
    public IPersistableElement getPersistable() {
        return PatternEditorInputFactory.persistable(this);
    }

    @Override
    public String getToolTipText() {
        return loaded.file().toString();
    }

    /** Two inputs for the same file are the same editor. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PatternEditorInput input && input.loaded.file().equals(loaded.file());
    }

    @Override
    public int hashCode() {
        return loaded.file().hashCode();
    }
}
