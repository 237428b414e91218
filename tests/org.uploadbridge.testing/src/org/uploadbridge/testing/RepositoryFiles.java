package org.uploadbridge.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Files the tests read from the checkout: the repository root (for docs/) and the users' real
 * pattern files in {@code shared/data/patterns} beside the repository. Tests run with the test
 * project as working directory, so both are found by walking up from there.
 */
public final class RepositoryFiles {

    /** Overrides where the sample patterns are, e.g. {@code -Duploadbridge.samples=/data/patterns}. */
    public static final String SAMPLES_PROPERTY = "uploadbridge.samples";

    private RepositoryFiles() {
    }

    /** The directory that holds the parent {@code pom.xml} and {@code docs/}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs"))
                    && Files.isDirectory(dir.resolve("bundles"))) {
                return dir;
            }
        }
        throw new AssertionError("the repository root (pom.xml, docs/, bundles/) is not above " + Path.of("").toAbsolutePath());
    }

    /** {@code shared/data/patterns}: read them, never write them. */
    public static Path samplePatterns() {
        String configured = System.getProperty(SAMPLES_PROPERTY);
        if (configured != null) {
            return existing(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("patterns");
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new AssertionError("shared/data/patterns is not beside the repository above " + Path.of("").toAbsolutePath()
                + "; set -D" + SAMPLES_PROPERTY + "=DIR");
    }

    /**
     * One sample pattern. The shared samples are not ours and a copy may lack one: then the calling
     * test is skipped, saying which file is missing, rather than failing on data it cannot have.
     */
    public static Path sample(String name) {
        Path sample = samplePatterns().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(sample), "the sample " + name + " is not in " + sample.getParent());
        return sample;
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new AssertionError(path + " does not exist");
        }
        return path;
    }
}
