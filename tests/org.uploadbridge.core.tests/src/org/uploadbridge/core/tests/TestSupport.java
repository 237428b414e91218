package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.function.Executable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;
import org.uploadbridge.core.pattern.MatrixGeometry;
import org.uploadbridge.core.pattern.Pattern;

/** Locating shared files, getting services from the running framework, building patterns. */
final class TestSupport {

    static final String SAMPLES_PROPERTY = "uploadbridge.samples";

    private TestSupport() {
    }

    /**
     * The shared sample patterns: the system property {@value #SAMPLES_PROPERTY} if set, else the
     * first ancestor of the working directory holding {@code shared/data/patterns} (the repository
     * lives at {@code <x>/main} with the samples at {@code <x>/shared}).
     */
    static Path samplesDirectory() {
        String configured = System.getProperty(SAMPLES_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(SAMPLES_PROPERTY + " points to " + dir + ", which is not a directory");
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("patterns");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/patterns above " + start + "; set -D" + SAMPLES_PROPERTY + "=<dir>");
    }

    static Path sample(String name) {
        Path file = samplesDirectory().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample " + file + " is missing");
        }
        return file;
    }

    /** The repository root: the first ancestor of the working directory with both pom.xml and docs/. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with pom.xml and docs/ above " + start);
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
