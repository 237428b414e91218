package org.uploadbridge.core.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.uploadbridge.core.io.CrashSafeFile;

/**
 * The child JVM of {@link CrashSafeKillTest}: writes versions {@code first}, {@code first + 1} ...
 * of a {@link VersionedDocument} through a {@link CrashSafeFile} until it is killed, saying on
 * stdout which version it starts and which it finished. Ends by itself after {@code limit} versions.
 */
public final class CrashSafeWriterChild {

    private CrashSafeWriterChild() {
    }

    /** Arguments: the file, the first version, how many versions at most. */
    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
        CrashSafeFile store = new CrashSafeFile(Path.of(args[0]));
        int first = Integer.parseInt(args[1]);
        int limit = Integer.parseInt(args[2]);
        byte[] document = VersionedDocument.of(first);
        // Loads and warms the write path on a file of its own, so that the kills land in real writes.
        Path warmUp = Path.of(args[0]).resolveSibling("warm-up").resolve(ProcessHandle.current().pid() + ".dat");
        new CrashSafeFile(warmUp).write(document);
        System.out.println("ready");
        for (int version = first; version < first + limit; version++) {
            // The next document is built during this write, so that the child spends its time writing.
            int following = version + 1;
            CompletableFuture<byte[]> next = CompletableFuture.supplyAsync(() -> VersionedDocument.of(following));
            System.out.println("writing " + version);
            store.write(document);
            System.out.println("done " + version);
            document = next.get();
        }
    }
}
