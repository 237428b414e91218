package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uploadbridge.core.tests.TestSupport.fileNames;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.io.CrashSafeFile;
import org.uploadbridge.core.io.LoadResult;

/** The previous version is kept; a torn or missing file comes back as the last good one; nothing is lost. */
class CrashSafeFileTest {

    @TempDir
    Path dir;

    private LoadResult<Integer> open(Path file) throws IOException {
        return new CrashSafeFile(file).read(VersionedDocument::parse);
    }

    @Test
    void eachWriteKeepsTheVersionItReplaces() throws Exception {
        Path file = dir.resolve("sub/licence.dat");
        CrashSafeFile store = new CrashSafeFile(file);
        store.write(VersionedDocument.of(1));
        assertFalse(Files.exists(store.backup()), "the first version has nothing before it");
        store.write(VersionedDocument.of(2));
        store.write(VersionedDocument.of(3));
        assertArrayEquals(VersionedDocument.of(3), Files.readAllBytes(file));
        assertArrayEquals(VersionedDocument.of(2), Files.readAllBytes(store.backup()));
        LoadResult<Integer> read = open(file);
        assertEquals(new LoadResult<>(Optional.of(3), LoadResult.Source.CURRENT, List.of(), List.of(), List.of()), read);
        assertEquals("", read.report());
        assertEquals(List.of("licence.dat", "licence.dat.bak"), fileNames(file.getParent()), "no temporary files are left");
    }

    @Test
    void aTornFileIsSetAsideAndThePreviousVersionRestored() throws Exception {
        Path file = dir.resolve("devices.json");
        CrashSafeFile store = new CrashSafeFile(file);
        store.write(VersionedDocument.of(7));
        store.write(VersionedDocument.of(8));
        byte[] torn = Arrays.copyOf(VersionedDocument.of(8), 1000); // what a power cut before the data reached the disk leaves
        Files.write(file, torn);

        LoadResult<Integer> read = open(file);
        assertEquals(Optional.of(7), read.value());
        assertEquals(LoadResult.Source.PREVIOUS, read.source());
        assertTrue(read.recovered());
        assertArrayEquals(VersionedDocument.of(7), Files.readAllBytes(file), "the previous version is the file again");
        assertArrayEquals(VersionedDocument.of(7), Files.readAllBytes(store.backup()), "and stays the backup");
        assertEquals(1, read.setAside().size());
        assertArrayEquals(torn, Files.readAllBytes(read.setAside().get(0)), "the torn file is kept, not deleted");
        assertTrue(read.setAside().get(0).getFileName().toString().startsWith("devices.json.unreadable-"));
        assertTrue(read.report().contains("devices.json is damaged (version 8 is torn"), read.report());
        assertTrue(read.report().contains("restored the previous version"), read.report());

        assertEquals(LoadResult.Source.CURRENT, open(file).source(), "the next start finds a good file");
    }

    @Test
    void aMissingFileComesBackFromTheBackup() throws Exception {
        Path file = dir.resolve("metrics.json");
        CrashSafeFile store = new CrashSafeFile(file);
        store.write(VersionedDocument.of(1));
        store.write(VersionedDocument.of(2));
        Files.delete(file);
        LoadResult<Integer> read = open(file);
        assertEquals(Optional.of(1), read.value());
        assertEquals(List.of("metrics.json is missing"), read.problems());
        assertEquals(List.of(), read.setAside());
        assertEquals(List.of("metrics.json", "metrics.json.bak"), fileNames(dir));
    }

    @Test
    void whenNoVersionIsValidBothAreSetAsideAndTheStoreStartsEmpty() throws Exception {
        Path file = dir.resolve("licence.dat");
        Files.write(file, new byte[] {1, 2, 3});
        Files.write(dir.resolve("licence.dat.bak"), new byte[] {4, 5});
        LoadResult<Integer> read = open(file);
        assertEquals(Optional.empty(), read.value());
        assertEquals(LoadResult.Source.NONE, read.source());
        assertEquals(2, read.setAside().size(), read.report());
        assertTrue(read.report().contains("no valid version is left"), read.report());
        assertEquals(2, fileNames(dir).size(), "both kept under other names: " + fileNames(dir));
        assertTrue(fileNames(dir).stream().allMatch(n -> n.contains(".unreadable-")), fileNames(dir).toString());

        new CrashSafeFile(file).write(VersionedDocument.of(1));
        assertEquals(Optional.of(1), open(file).value(), "a new file starts beside them");
    }

    @Test
    void theFirstStartFindsNothingAndSaysNothing() throws Exception {
        LoadResult<Integer> read = open(dir.resolve("never-written.json"));
        assertEquals(new LoadResult<>(Optional.empty(), LoadResult.Source.NONE, List.of(), List.of(), List.of()), read);
        assertFalse(read.recovered());
        assertEquals("", read.report());
    }

    @Test
    void temporaryFilesOfAnInterruptedWriteAreRemovedAtStart() throws Exception {
        Path file = dir.resolve("devices.json");
        new CrashSafeFile(file).write(VersionedDocument.of(4));
        Files.write(dir.resolve(".devices.json.123456.tmp"), new byte[] {9});
        Files.createLink(dir.resolve(".devices.json.bak-0000.tmp"), file); // killed while keeping the backup
        Files.write(dir.resolve(".other.json.1.tmp"), new byte[] {9});

        LoadResult<Integer> read = open(file);
        assertEquals(Optional.of(4), read.value());
        assertEquals(2, read.leftoversRemoved().size());
        assertFalse(read.recovered());
        assertTrue(read.report().contains("removed 2 temporary file(s)"), read.report());
        assertEquals(List.of(".other.json.1.tmp", "devices.json"), fileNames(dir), "another file's temporary files are not ours");
    }

    @Test
    void aWriteInterruptedAfterKeepingTheBackupIsFinishedByTheNext() throws Exception {
        Path file = dir.resolve("licence.dat");
        CrashSafeFile store = new CrashSafeFile(file);
        store.write(VersionedDocument.of(1));
        Files.createLink(store.backup(), file); // the state right after the backup step
        store.write(VersionedDocument.of(2));
        assertArrayEquals(VersionedDocument.of(1), Files.readAllBytes(store.backup()));
        assertEquals(Optional.of(2), open(file).value());
        assertEquals(List.of("licence.dat", "licence.dat.bak"), fileNames(dir));
    }

    @Test
    void aFailingWriteKeepsTheCurrentVersion() throws Exception {
        Path file = dir.resolve("licence.dat");
        CrashSafeFile store = new CrashSafeFile(file);
        store.write(VersionedDocument.of(1));
        store.write(VersionedDocument.of(2));
        assertThrows(IOException.class, () -> store.write(channel -> {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            throw new IOException("disk full (simulated)");
        }));
        assertArrayEquals(VersionedDocument.of(1), Files.readAllBytes(store.backup()), "the backup is untouched too");
        assertEquals(Optional.of(2), open(file).value());
        assertEquals(List.of("licence.dat", "licence.dat.bak"), fileNames(dir));
    }
}
