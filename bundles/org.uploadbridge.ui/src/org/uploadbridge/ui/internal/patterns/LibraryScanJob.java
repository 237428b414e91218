package org.uploadbridge.ui.internal.patterns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.format.PatternReader;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.format.SizeRequiredException;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.PatternValidator;

/**
 * Reads and validates every pattern file of the library folders in the background, reporting each
 * folder's rows as soon as they are ready. Cancellable from the Progress view.
 */
final class LibraryScanJob extends Job {

    /** Files deeper than this below a library folder are not listed. */
    private static final int MAX_DEPTH = 4;

    private final List<Path> folders;
    private final PatternLoader loader;
    private final PatternValidator validator;
    private final Consumer<FolderScan> onFolderScanned;

    /** The rows of one folder, or why the folder could not be listed (null when it could). */
    record FolderScan(Path folder, List<PatternSummary> rows, UploadBridgeException problem) {
    }

    LibraryScanJob(List<Path> folders, PatternLoader loader, PatternValidator validator, Consumer<FolderScan> onFolderScanned) {
        super("Reading pattern library");
        this.folders = List.copyOf(folders);
        this.loader = loader;
        this.validator = validator;
        this.onFolderScanned = onFolderScanned;
        setUser(false);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Set<String> extensions = loader.readers().stream().flatMap(r -> r.fileExtensions().stream())
                .collect(Collectors.toSet());
        SubMonitor progress = SubMonitor.convert(monitor, "Reading pattern library", folders.size());
        // Folders that cannot be listed are reported with their guidance once the others are read.
        MultiStatus problems = new MultiStatus(ErrorDialogs.class, 0, "Folders of the pattern library that could not be read");
        for (Path folder : folders) {
            if (progress.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            progress.subTask(folder.toString());
            FolderScan scan = scan(folder, extensions, progress.split(1));
            if (scan.problem() != null) {
                problems.add(ErrorDialogs.toStatus(scan.problem()));
            }
            onFolderScanned.accept(scan);
        }
        return problems.matches(IStatus.ERROR) ? problems : Status.OK_STATUS;
    }

    private FolderScan scan(Path folder, Set<String> extensions, IProgressMonitor monitor) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            files = walk.filter(Files::isRegularFile).filter(f -> extensions.contains(extension(f))).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return new FolderScan(folder, List.of(), new UploadBridgeException(PatternError.FOLDER_NOT_LISTED, e, folder, e.getMessage()));
        }
        SubMonitor progress = SubMonitor.convert(monitor, files.size());
        List<PatternSummary> rows = new ArrayList<>();
        for (Path file : files) {
            if (progress.isCanceled()) {
                break;
            }
            rows.add(summarize(file));
            progress.worked(1);
        }
        return new FolderScan(folder, rows, null);
    }

    PatternSummary summarize(Path file) {
        long size = 0;
        long modified = 0;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
            LoadedPattern loaded = loader.load(file, ReadOptions.none());
            return PatternSummary.of(loaded, modified, validator.validate(loaded.pattern(), DeviceLimits.none()));
        } catch (SizeRequiredException e) {
            String hint = e.guesses().isEmpty() ? "" : " (best guess " + e.guesses().get(0).width() + " x "
                    + e.guesses().get(0).height() + ", " + e.guesses().get(0).frameCount() + " frames)";
            return PatternSummary.failed(file, size, modified, PatternSummary.State.NEEDS_SIZE,
                    e.code().id() + " " + e.detail() + hint);
        } catch (UploadBridgeException e) {
            return PatternSummary.failed(file, size, modified, PatternSummary.State.UNREADABLE, e.code().id() + " " + e.detail());
        } catch (IOException e) {
            UploadBridgeException unreadable = new UploadBridgeException(PatternError.READ_FAILED, e, file, e.getMessage());
            return PatternSummary.failed(file, size, modified, PatternSummary.State.UNREADABLE,
                    unreadable.code().id() + " " + unreadable.detail());
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static boolean isPatternFile(Path file, List<PatternReader> readers) {
        String ext = extension(file);
        return readers.stream().anyMatch(r -> r.fileExtensions().contains(ext));
    }
}
