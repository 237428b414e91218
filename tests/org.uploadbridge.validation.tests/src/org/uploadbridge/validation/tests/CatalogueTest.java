package org.uploadbridge.validation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeAll;
import org.uploadbridge.testing.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.validation.ValidationError;

/** Every code has its texts, and a section in docs/troubleshooting.md. */
class CatalogueTest {

    private static final String DOC = "docs/troubleshooting.md";
    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        doc = Files.readString(RepositoryFiles.root().resolve(DOC), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(ValidationError.class)
    void everyCodeHasTitleMessageAndSteps(ValidationError code) {
        CatalogEntry entry = code.entry();
        assertEquals(code.id(), entry.code());
        assertFalse(entry.title().isBlank());
        assertFalse(entry.messageTemplate().isBlank());
        assertFalse(entry.steps().isEmpty());
        for (String step : entry.steps()) {
            assertFalse(step.isBlank(), code.id());
            // Steps are shown as written: a placeholder there would reach the user unfilled.
            assertFalse(step.contains("{"), () -> code.id() + " step with a placeholder: " + step);
        }
        Object[] args = new Object[10];
        Arrays.fill(args, 7);
        String message = entry.message(args);
        assertFalse(message.contains("{"), () -> code.id() + " renders with a leftover placeholder: " + message);
        assertFalse(message.contains("''"), () -> code.id() + " renders a doubled quote: " + message);
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> ids = new HashSet<>();
        for (ValidationError code : ValidationError.values()) {
            assertTrue(code.id().matches("UB-V\\d{3}"), code.id());
            assertTrue(ids.add(code.id()), () -> "duplicate " + code.id());
        }
    }

    @ParameterizedTest
    @EnumSource(ValidationError.class)
    void everyCodeHasADocumentedSectionWithSteps(ValidationError code) {
        String anchor = "<a id=\"" + code.id().toLowerCase(Locale.ROOT) + "\"></a>";
        int at = doc.indexOf(anchor);
        assertTrue(at >= 0, () -> DOC + " lacks " + anchor);
        String rest = doc.substring(at + anchor.length()).stripLeading();
        assertTrue(rest.startsWith("## " + code.id() + " "), () -> "the anchor of " + code.id() + " is not followed by its heading");
        int next = rest.indexOf("<a id=", 1);
        String section = next < 0 ? rest : rest.substring(0, next);
        assertTrue(section.contains("\n1. "), () -> code.id() + " section has no numbered steps");
    }

    @Test
    void documentHasNoSectionsForUnknownCodes() {
        Matcher anchors = java.util.regex.Pattern.compile("<a id=\"(ub-v\\d{3})\"></a>").matcher(doc);
        Set<String> known = new HashSet<>();
        for (ValidationError code : ValidationError.values()) {
            known.add(code.id().toLowerCase(Locale.ROOT));
        }
        int sections = 0;
        while (anchors.find()) {
            sections++;
            assertTrue(known.contains(anchors.group(1)), () -> "section for unknown code " + anchors.group(1));
        }
        assertEquals(ValidationError.values().length, sections);
    }
}
