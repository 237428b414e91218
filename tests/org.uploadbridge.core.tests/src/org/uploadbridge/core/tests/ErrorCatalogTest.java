package org.uploadbridge.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.FrameworkUtil;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.core.format.PatternLoader;

class ErrorCatalogTest {

    private static final Pattern CODE = Pattern.compile("UB-P\\d{3}");

    @ParameterizedTest
    @EnumSource(PatternError.class)
    void everyCodeHasTitleMessageAndSteps(PatternError code) {
        assertTrue(CODE.matcher(code.id()).matches(), code.id());
        CatalogEntry entry = code.entry();
        assertEquals(code.id(), entry.code());
        assertFalse(entry.title().isBlank());
        assertFalse(entry.messageTemplate().isBlank());
        assertFalse(entry.steps().isEmpty());
        entry.steps().forEach(step -> assertFalse(step.isBlank(), code + " has a blank step"));
        assertEquals("docs/troubleshooting.md#" + code.id().toLowerCase(Locale.ROOT), entry.docReference());
    }

    @ParameterizedTest
    @EnumSource(PatternError.class)
    void everyMessageFormatsWithAllItsPlaceholdersFilled(PatternError code) {
        Object[] args = {Path.of("/patterns/show.bin"), 1234L, 56L, 7, 8};
        String message = new UploadBridgeException(code, args).detail();
        assertFalse(message.matches("(?s).*\\{\\d.*"), code + " left a placeholder: " + message);
        assertTrue(message.contains("show.bin"), code + " does not name the file: " + message);
        assertTrue(new UploadBridgeException(code, args).getMessage().startsWith(code.id() + ": "));
    }

    @Test
    void codesAreUnique() {
        Set<String> ids = new HashSet<>();
        for (PatternError code : PatternError.values()) {
            assertTrue(ids.add(code.id()), "duplicate " + code.id());
        }
    }

    @Test
    void theTextsShipInsideTheCoreBundle() {
        assertNotNull(FrameworkUtil.getBundle(PatternLoader.class).getEntry("org/uploadbridge/core/format/errors.properties"),
                "errors.properties is missing from the core bundle jar");
    }

    @Test
    void everyCodeHasASectionInTheTroubleshootingGuide() throws Exception {
        Path guide = TestSupport.repositoryRoot().resolve("docs").resolve("troubleshooting.md");
        List<String> lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
        for (ErrorCode code : allCoreCodes()) {
            String anchor = "<a id=\"" + code.id().toLowerCase(Locale.ROOT) + "\"></a>";
            int at = lines.indexOf(anchor);
            assertTrue(at >= 0, "no anchor " + anchor + " in " + guide);
            String heading = "## " + code.id() + " " + code.entry().title();
            assertEquals(heading, lines.get(at + 1), "the heading after " + anchor);
            long steps = lines.stream().skip(at + 2).takeWhile(line -> !line.startsWith("<a id="))
                    .filter(line -> line.matches("\\d+\\. .+")).count();
            assertTrue(steps >= code.entry().steps().size(), code + " has " + steps + " numbered steps in the guide");
        }
    }

    @Test
    void everyDeviceCodeHasTitleMessageAndSteps() {
        for (DeviceError code : DeviceError.values()) {
            CatalogEntry entry = code.entry();
            assertEquals(code.id(), entry.code());
            assertFalse(entry.title().isBlank(), code + " title");
            assertFalse(entry.steps().isEmpty(), code + " steps");
            assertTrue(entry.message("192.168.4.1:80", "x", "y").contains("192.168.4.1:80"),
                    code + " names the device: " + entry.message("192.168.4.1:80", "x", "y"));
        }
    }

    private static List<ErrorCode> allCoreCodes() {
        List<ErrorCode> codes = new java.util.ArrayList<>(List.of(PatternError.values()));
        codes.addAll(List.of(DeviceError.values()));
        return codes;
    }
}
