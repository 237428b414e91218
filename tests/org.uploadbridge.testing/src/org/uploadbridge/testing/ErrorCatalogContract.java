package org.uploadbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * What every bundle's error catalogue promises, as a contract its tests extend: each code has a
 * title, a message that fills all its placeholders and names its subject, numbered steps, and a
 * section in {@code docs/troubleshooting.md}.
 */
public abstract class ErrorCatalogContract {

    /** The codes under test, e.g. {@code List.of(MyError.values())}. */
    protected abstract List<? extends ErrorCode> codes();

    /** Message arguments, the first being the subject every message must name. */
    protected Object[] sampleArguments() {
        return new Object[] {"192.168.4.1:80", 1234L, 56L, 7, 8};
    }

    /** Whether every message names its first argument (a catalogue of findings may not). */
    protected boolean messagesNameTheirSubject() {
        return true;
    }

    @Test
    void everyCodeHasTitleMessageAndSteps() {
        for (ErrorCode code : codes()) {
            CatalogEntry entry = code.entry();
            assertEquals(code.id(), entry.code());
            assertTrue(code.id().matches("UB-[A-Z]\\d{3}"), code.id());
            assertFalse(entry.title().isBlank(), code + " title");
            assertFalse(entry.messageTemplate().isBlank(), code + " message");
            assertFalse(entry.steps().isEmpty(), code + " steps");
            for (String step : entry.steps()) {
                assertFalse(step.isBlank(), code + " has a blank step");
                // Steps are shown as written: a placeholder there would reach the user unfilled.
                assertFalse(step.contains("{"), code + " step with a placeholder: " + step);
            }
            assertEquals("docs/troubleshooting.md#" + code.id().toLowerCase(Locale.ROOT), entry.docReference());
        }
    }

    @Test
    void everyMessageFillsItsPlaceholdersAndNamesItsSubject() {
        Object[] args = sampleArguments();
        for (ErrorCode code : codes()) {
            UploadBridgeException e = new UploadBridgeException(code, args);
            assertFalse(e.detail().matches("(?s).*\\{\\d.*"), code + " left a placeholder: " + e.detail());
            assertFalse(e.detail().contains("''"), code + " renders a doubled quote: " + e.detail());
            assertTrue(!messagesNameTheirSubject() || e.detail().contains(String.valueOf(args[0])),
                    code + " does not name its subject: " + e.detail());
            assertTrue(e.getMessage().startsWith(code.id() + ": "), e.getMessage());
        }
    }

    @Test
    void codesAreUnique() {
        Set<String> ids = new HashSet<>();
        for (ErrorCode code : codes()) {
            assertTrue(ids.add(code.id()), "duplicate " + code.id());
        }
    }

    @Test
    void everyCodeHasASectionInTheTroubleshootingGuide() throws Exception {
        Path guide = RepositoryFiles.root().resolve("docs").resolve("troubleshooting.md");
        List<String> lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
        for (ErrorCode code : codes()) {
            String anchor = "<a id=\"" + code.id().toLowerCase(Locale.ROOT) + "\"></a>";
            int at = lines.indexOf(anchor);
            assertTrue(at >= 0, "no anchor " + anchor + " in " + guide);
            assertEquals("## " + code.id() + " " + code.entry().title(), lines.get(at + 1), "the heading after " + anchor);
            long steps = lines.stream().skip(at + 2).takeWhile(line -> !line.startsWith("<a id="))
                    .filter(line -> line.matches("\\d+\\. .+")).count();
            assertTrue(steps >= code.entry().steps().size(), code + " has " + steps + " numbered steps in the guide");
        }
    }

    @Test
    void theGuideHasNoSectionsForCodesThatDoNotExist() throws Exception {
        String prefix = codes().get(0).id().substring(0, 4).toLowerCase(Locale.ROOT); // e.g. "ub-r"
        Set<String> known = new HashSet<>();
        codes().forEach(code -> known.add(code.id().toLowerCase(Locale.ROOT)));
        Matcher anchors = Pattern.compile("<a id=\"(" + prefix + "\\d{3})\"></a>")
                .matcher(Files.readString(RepositoryFiles.root().resolve("docs").resolve("troubleshooting.md"), StandardCharsets.UTF_8));
        while (anchors.find()) {
            assertTrue(known.contains(anchors.group(1)), "a section for the unknown code " + anchors.group(1));
        }
    }
}
