package org.uploadbridge.logging;

import java.nio.file.Path;
import java.util.List;

/**
 * The application's log on disk: every OSGi log record (which the Eclipse platform log feeds too),
 * redacted, in size-capped rotating files. Configuration PID {@code org.uploadbridge.logging}.
 */
public interface LogFiles {

    /** Configuration property: the largest size of one file in bytes (default 5 MB). */
    String MAX_FILE_BYTES = "maxFileBytes";
    /** Configuration property: how many files are kept, the current one included (default 5). */
    String MAX_FILES = "maxFiles";
    /** Configuration property: the folder of the files, instead of the workspace's. */
    String DIRECTORY = "directory";

    long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;
    int DEFAULT_MAX_FILES = 5;

    /** The file written now: {@code upload-bridge.log}; older ones are {@code .1} (newest) to {@code .n}. */
    Path currentFile();

    /** The files that exist now, the current one first, then older ones. */
    List<Path> files();

    long maxFileBytes();

    int maxFiles();
}
