package org.uploadbridge.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.testing.RepositoryFiles;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The CLI as a user runs it: arguments in, text or JSON and an exit code out, real files and services. */
class CliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final CliServices services = new CliServices(FrameworkUtil.getBundle(Cli.class).getBundleContext());

    @AfterEach
    void closeServices() {
        services.close();
    }

    private int run(String... args) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new Cli(out, err, services).run(args);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static String sample(String name) {
        return RepositoryFiles.sample(name).toString();
    }

    @Test
    void validNativeFilesExitZero() {
        assertEquals(Cli.OK, run("validate", sample("aurora_strip.bin"), sample("meteor_curtain.bin")), out());
        assertTrue(out().contains("VALID    " + sample("aurora_strip.bin") + " (native, 8 LEDs x 6 frames, 160 bytes as .bin)"), out());
        assertTrue(out().contains("2 of 2 file(s) valid."), out());
    }

    @Test
    void headerlessFileWithoutSizeIsInvalidAndListsTheLayoutsThatFit() {
        assertEquals(Cli.FAILED, run("validate", sample("raw-15x6-rows.bin")));
        assertTrue(out().contains("ERROR UB-P007"), out());
        assertTrue(out().contains("1. --size 15x6  (15 frames"), out());
        assertTrue(out().contains("See docs/troubleshooting.md#ub-p007"), out());
    }

    @Test
    void headerlessFileWithConfirmedSizeIsRead() {
        assertEquals(Cli.OK, run("validate", sample("raw-15x6-rows.bin"), "--size", "15x6"), out());
        assertTrue(out().contains("15x6 matrix x 15 frames"), out());
    }

    @Test
    void jsonCarriesCodesStepsAndGuesses() {
        assertEquals(Cli.FAILED, run("validate", "--json", sample("matrix-12x6.leds"), sample("raw-15x6-rows.bin")));
        JsonObject json = JsonParser.parseString(out()).getAsJsonObject();
        assertFalse(json.get("valid").getAsBoolean());
        JsonArray files = json.getAsJsonArray("files");
        assertEquals(2, files.size());
        JsonObject leds = files.get(0).getAsJsonObject();
        assertTrue(leds.get("valid").getAsBoolean());
        assertEquals("leds", leds.get("format").getAsString());
        assertEquals(72, leds.get("leds").getAsInt());
        assertEquals("12x6", leds.get("geometry").getAsString());
        JsonObject raw = files.get(1).getAsJsonObject();
        JsonObject finding = raw.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("UB-P007", finding.get("code").getAsString());
        assertEquals("ERROR", finding.get("severity").getAsString());
        assertFalse(finding.getAsJsonArray("steps").isEmpty());
        JsonObject best = raw.getAsJsonArray("sizeGuesses").get(0).getAsJsonObject();
        assertEquals(15, best.get("width").getAsInt());
        assertEquals(6, best.get("height").getAsInt());
        assertEquals(15, best.get("frames").getAsInt());
    }

    @Test
    void aPatternTooLargeForTheTargetDeviceIsInvalid(@TempDir Path dir) throws Exception {
        Path plasma = dir.resolve("plasma.bin");
        NativePatternCodec.write(DemoPatterns.plasma(64, 30, 16), plasma);
        assertEquals(Cli.OK, run("validate", plasma.toString()), out());
        outBytes.reset();
        assertEquals(Cli.FAILED, run("validate", plasma.toString(), "--target", "esp32"));
        assertTrue(out().contains("UB-V002"), "4,096 LEDs are more than the classic firmware drives: " + out());
        assertTrue(out().contains("UB-V006"), "and its 368,704 bytes do not fit in an ESP32's 250,000 bytes of free heap: " + out());
    }

    @Test
    void missingFileIsACataloguedError() {
        assertEquals(Cli.FAILED, run("validate", "/nonexistent/pattern.bin"));
        assertTrue(out().contains("UB-P017"), out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                  | Usage: upload-bridge",
            "frobnicate                          | Unknown command: frobnicate",
            "validate                            | validate needs at least one pattern file",
            "validate x.bin --leds               | --leds needs a value",
            "validate x.bin --leds abc           | --leds takes a whole number",
            "validate x.bin --leds 0             | --leds must be between 1 and 65535",
            "validate x.bin --leds 5 --size 2x2  | give either --leds or --size, not both",
            "validate x.bin --size 16            | --size takes WIDTHxHEIGHT",
            "validate x.bin --size 300x300       | the most a pattern holds is 65535",
            "validate x.bin --target esp99       | --target takes esp8266 or esp32",
            "validate x.bin --colour             | Unknown option for validate: --colour",
            "simulate --faults 2                 | --faults takes a fraction between 0 and 1",
            "simulate --faults often             | --faults takes a fraction between 0 and 1",
            "simulate --seed 5                   | --seed only matters with --faults RATE",
            "simulate --faults 0.1 --seed x      | --seed takes a whole number" })
    void usageErrorsExitTwoAndSayWhatIsWrong(String commandLine, String message) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.trim().split("\\s+");
        assertEquals(Cli.USAGE, run(args));
        assertTrue(err().contains(message), err());
        assertTrue(err().contains("Usage: upload-bridge"), "the usage follows the error");
    }

    @Test
    void demoPatternsAreWrittenAndEachReadsBackValid(@TempDir Path dir) throws Exception {
        assertEquals(Cli.OK, run("demo-patterns", dir.toString()), out());
        List<Path> written;
        try (Stream<Path> files = Files.list(dir)) {
            written = files.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
        }
        assertEquals(DemoPatterns.all().size(), written.size());
        assertTrue(Files.exists(dir.resolve("plasma-64x64.bin.geometry")), "matrix patterns keep their geometry");
        outBytes.reset();
        String[] args = Stream.concat(Stream.of("validate"), written.stream().map(Path::toString)).toArray(String[]::new);
        assertEquals(Cli.OK, run(args), out());
        assertTrue(out().contains("64x64 matrix x 60 frames"), out());
    }

    @Test
    void headlessTourPrintsWhatItDid(@TempDir Path dir) {
        int code = run("demo", "--dir", dir.toString());
        assertTrue(out().contains("1. Wrote 5 example patterns into " + dir), out());
        assertTrue(out().contains("3. Summary: 5 of 5 patterns are valid files"), out());
        assertTrue(out().contains("found 8 device(s)"), out());
        assertTrue(out().contains("8 of 8 confirmed by the devices' status, 8 received byte for byte what was sent"), out());
        assertEquals(Cli.OK, code, out());
    }

    @Test
    void versionNamesTheBundleVersion() {
        assertEquals(Cli.OK, run("--version"));
        assertTrue(out().startsWith("Upload Bridge " + FrameworkUtil.getBundle(Cli.class).getVersion()), out());
    }
}
