package org.uploadbridge.licensing.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.testing.RepositoryFiles;

/** {@code ./licence-tool} as a vendor runs it: a real process on the built jars, without OSGi. */
class LicenceToolScriptTest {

    @TempDir
    Path dir;

    @Test
    void keygenThroughTheLauncherWritesTheKeyPair() throws Exception {
        Path script = RepositoryFiles.root().resolve("licence-tool");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "keygen", "--out", dir.resolve("keys").toString())
                .redirectErrorStream(true);
        // Never a Maven build inside the build: without current jars the launcher says so and stops.
        builder.environment().put("LICENCE_TOOL_NO_BUILD", "1");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "licence-tool keygen did not finish in 60 s");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeFalse(output.contains("needs jars that are not there or out of date"),
                "skipped: the licence tool's jars are not built (./mvnw package builds them): " + output);

        assertEquals(VendorTool.OK, process.exitValue(), output);
        assertTrue(Files.isRegularFile(dir.resolve("keys/vendor.key")), output);
        assertTrue(output.contains("Public key:"), output);
    }
}
