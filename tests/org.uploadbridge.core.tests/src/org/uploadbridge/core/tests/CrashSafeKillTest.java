package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.io.CrashSafeFile;
import org.uploadbridge.core.io.InvalidContentException;
import org.uploadbridge.core.io.LoadResult;
import org.uploadbridge.testing.ChildJvm;

/**
 * A child JVM writes version after version through a {@link CrashSafeFile} and is killed with
 * SIGKILL at random moments; after each kill the file, opened as the program does at start, holds
 * the last version the child finished or the one it was writing: never torn, never missing.
 */
class CrashSafeKillTest {

    private static final int KILLS = 200;
    /** The longest the parent lets a child write before killing it; a write takes 3 to 40 ms (two fsyncs). */
    private static final long MAX_LIFETIME_NANOS = TimeUnit.MILLISECONDS.toNanos(60);

    @TempDir
    Path dir;

    /** What one child said before it died. */
    private record Said(int lastDone, int lastStarted) {
    }

    @Test
    @Timeout(value = 110, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriterKilledAtRandomMomentsLeavesTheOldOrTheNewVersion() throws Exception {
        long seed = Long.getLong("crashsafe.seed", System.nanoTime());
        System.out.println("CrashSafeKillTest: seed " + seed + " (-Dcrashsafe.seed=" + seed + " repeats the kill moments)");
        Random random = new Random(seed);
        Path file = dir.resolve("licence.dat");
        new CrashSafeFile(file).write(VersionedDocument.of(1));
        List<String> command = List.of(ChildJvm.java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                ChildJvm.classPath(FrameworkUtil.getBundle(CrashSafeFile.class)), CrashSafeWriterChild.class.getName(),
                file.toString());
        Path childErrors = dir.resolve("child.err");

        int version = 1;
        int sawOld = 0;
        int sawNew = 0;
        int fromBackup = 0;
        int leftovers = 0;
        long writes = 0;
        long start = System.nanoTime();
        for (int kill = 1; kill <= KILLS; kill++) {
            Process child = new ProcessBuilder(concat(command, String.valueOf(version + 1), "100000"))
                    .redirectError(ProcessBuilder.Redirect.appendTo(childErrors.toFile())).start();
            Said said;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                if (!"ready".equals(first)) {
                    fail("the child did not start (" + first + "): " + Files.readString(childErrors));
                }
                LockSupport.parkNanos((long) (random.nextDouble() * MAX_LIFETIME_NANOS));
                // SIGKILL on Linux: no shutdown hook, no finally. Through the handle, because
                // Process.destroyForcibly also closes our end of its stdout, losing its last words.
                child.toHandle().destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child outlived SIGKILL");
                said = lastWords(out, version);
            }
            writes += said.lastDone() - version;

            Integer raw = parseCurrent(file);
            LoadResult<Integer> atStart = new CrashSafeFile(file).read(VersionedDocument::parse);
            int seen = atStart.value().orElseThrow(() -> new AssertionError("no valid version: " + atStart.report()));
            assertTrue(seen == said.lastDone() || seen == said.lastStarted(), "kill " + kill + ": read version " + seen
                    + " but the child had finished " + said.lastDone() + " and started " + said.lastStarted());
            assertEquals(Integer.valueOf(seen), raw, "kill " + kill + ": the file itself was torn or missing: " + atStart.report());
            if (seen == said.lastDone()) {
                sawOld++;
            } else {
                sawNew++;
            }
            fromBackup += atStart.source() == LoadResult.Source.PREVIOUS ? 1 : 0;
            leftovers += atStart.leftoversRemoved().size();
            version = seen;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("CrashSafeKillTest: %d kills, %d writes completed, last version %d; after a kill the file held"
                + " the old version %d times and the new one %d times; %d recoveries from .bak; %d temporary files of"
                + " interrupted writes removed; %d ms%n", KILLS, writes, version, sawOld, sawNew, fromBackup, leftovers,
                millis);
        assertEquals(KILLS, sawOld + sawNew);
    }

    /** The last version the child finished and the last it started ({@code from} when none). */
    private static Said lastWords(BufferedReader out, int from) throws IOException {
        int done = from;
        int started = from;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("done ")) {
                done = Integer.parseInt(line.substring(5));
            } else if (line.startsWith("writing ")) {
                started = Integer.parseInt(line.substring(8));
            }
        }
        return new Said(done, started);
    }

    /** The version in the file as the kill left it, before any recovery; null when torn or missing. */
    private static Integer parseCurrent(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return VersionedDocument.parse(Files.readAllBytes(file));
        } catch (InvalidContentException torn) {
            System.out.println("CrashSafeKillTest: torn file: " + torn.getMessage());
            return null;
        }
    }

    private static List<String> concat(List<String> command, String... more) {
        return java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
