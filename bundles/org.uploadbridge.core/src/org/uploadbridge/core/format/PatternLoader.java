package org.uploadbridge.core.format;

import java.nio.file.Path;
import java.util.List;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * Opens any pattern file with the best of the registered {@link PatternReader} services (a DS
 * service). For headerless files without {@link ReadOptions}, the failure carries ranked
 * {@link SizeGuess}es for the user to pick from (see {@link SizeRequiredException}).
 */
public interface PatternLoader {

    LoadedPattern load(Path file, ReadOptions options) throws UploadBridgeException;

    /** The readers currently registered, best-known formats first. */
    List<PatternReader> readers();
}
