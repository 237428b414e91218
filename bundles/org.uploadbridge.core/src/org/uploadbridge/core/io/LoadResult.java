package org.uploadbridge.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link CrashSafeFile#read} found and did, for the caller to use and to log (core has no log).
 *
 * @param value the parsed content; empty on first start or when no version was valid
 * @param source where the value came from
 * @param problems why the current file (and the previous version, when it came to that) was refused
 * @param setAside where refused files were moved; they are never deleted
 * @param leftoversRemoved temporary files of writes that were interrupted before their rename
 */
public record LoadResult<T>(Optional<T> value, Source source, List<String> problems, List<Path> setAside,
        List<Path> leftoversRemoved) {

    public enum Source {
        /** No valid version: neither the file nor its previous version exists or parses. */
        NONE,
        /** The current file, as written last. */
        CURRENT,
        /** The current file was missing or invalid; the previous version was restored in its place. */
        PREVIOUS
    }

    public LoadResult {
        problems = List.copyOf(problems);
        setAside = List.copyOf(setAside);
        leftoversRemoved = List.copyOf(leftoversRemoved);
    }

    /** True when the current file could not be used: something was restored or set aside. */
    public boolean recovered() {
        return source == Source.PREVIOUS || !setAside.isEmpty();
    }

    /** One sentence for the log; empty when there is nothing to say. */
    public String report() {
        StringBuilder text = new StringBuilder();
        if (recovered()) {
            text.append(String.join("; ", problems)).append(": ").append(switch (source) {
                case PREVIOUS -> "restored the previous version";
                case CURRENT, NONE -> "no valid version is left, starting empty";
            });
            if (!setAside.isEmpty()) {
                text.append("; the refused file(s) were kept as ").append(setAside);
            }
        }
        if (!leftoversRemoved.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append("removed ").append(leftoversRemoved.size())
                    .append(" temporary file(s) of an interrupted write");
        }
        return text.toString();
    }
}
