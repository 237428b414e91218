package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.testing.RepositoryFiles;

/** Locating shared files, getting services from the running framework, building patterns. */
final class TestSupport {

    private TestSupport() {
    }

    /** The shared sample patterns (see {@link RepositoryFiles#samplePatterns()}). */
    static Path samplesDirectory() {
        return RepositoryFiles.samplePatterns();
    }

    /** The names of the files in a folder, sorted. */
    static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Path sample(String name) {
        return RepositoryFiles.sample(name);
    }

    static BundleContext coreContext() {
        BundleContext context = FrameworkUtil.getBundle(PatternLoader.class).getBundleContext();
        assertNotNull(context, "the core bundle is not active");
        return context;
    }

    /**
     * Tracks a service registered by SCR in the core bundle. Keep the handle open while using the
     * service: SCR may deactivate a delayed component (and unbind its references) once nobody uses it.
     */
    static <S> Tracked<S> track(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(coreContext(), type, null);
        tracker.open();
        S service = tracker.waitForService(10_000);
        if (service == null) {
            tracker.close();
        }
        assertNotNull(service, "no " + type.getName() + " service within 10 s");
        return new Tracked<>(tracker, service);
    }

    record Tracked<S>(ServiceTracker<S, S> tracker, S service) implements AutoCloseable {
        @Override
        public void close() {
            tracker.close();
        }
    }

    /** A pattern with random colours and delays. */
    static Pattern randomPattern(Random random, int leds, int frames, MatrixGeometry geometry) {
        byte[] rgb = new byte[leds * frames * 3];
        random.nextBytes(rgb);
        int[] delays = new int[frames];
        for (int i = 0; i < frames; i++) {
            delays[i] = random.nextInt(Pattern.MAX_FRAME_DELAY_MS + 1);
        }
        return Pattern.of(leds, delays, rgb, geometry);
    }

    /** Asserts that {@code action} fails with exactly {@code expected} and returns the failure. */
    static UploadBridgeException assertFailsWith(PatternError expected, Executable action) {
        UploadBridgeException failure = assertThrows(UploadBridgeException.class, action);
        assertInstanceOf(PatternError.class, failure.code(), failure::toString);
        assertEquals(expected, failure.code(), failure::getMessage);
        return failure;
    }
}
