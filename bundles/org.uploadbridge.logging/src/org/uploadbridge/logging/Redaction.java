package org.uploadbridge.logging;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks device passwords, PINs, API keys, licence keys and credentials in log text, so they reach
 * neither a log file nor the Logs view. A pure function of the text, hence a static method: every
 * writer and viewer must apply the same rules and nothing about it is configurable or replaceable.
 * <p>
 * It errs on the side of masking: a value that only looks like a secret is masked too.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Names whose value is always secret; a prefix such as {@code wifi} or {@code admin_} is allowed. */
    private static final String SECRET_NAMES = "(?:[a-z0-9]+[ _-]?)??(?:password|passwd|passphrase|pwd|secret|token"
            + "|api[ _-]?key|licen[cs]e(?:[ _-]?key)?|pin(?:[ _-]?code)?)";

    /** Names followed by a licence or API key written without {@code =} ("licence ABCD..."): only long tokens. */
    private static final String KEY_NAMES = "(?:licen[cs]e(?:[ _-]?key)?|api[ _-]?key|product[ _-]?key|key|token|secret)";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    private static final List<UnaryOperator<String>> RULES = List.of(
            // Authorization: Basic dXNlcjpwYXNz (the scheme stays, it helps support and says nothing)
            rule("(?<![\\w-])((?:proxy-)?authorization\"?\\s*[=:]\\s*\"?)(?:(basic|bearer|digest|token)\\s+)?([^\\s\",;']+)",
                    m -> m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK),
            // http://user:secret@host
            rule("(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^/\\s@]+)(@)", m -> m.group(1) + MASK + m.group(3)),
            // "password": "...", "pin": "1234" (escaped quotes inside the value included)
            rule("(\"" + SECRET_NAMES + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", m -> m.group(1) + "\"" + MASK + "\""),
            // "pin": 1234
            rule("(\"" + SECRET_NAMES + "\"\\s*:\\s*)-?[0-9][0-9.eE+-]*", m -> m.group(1) + MASK),
            // licence ABCD-1234-..., key=0123456789abcdef..., api key is 9f8e7d...
            rule("(?<![\\w-])(" + KEY_NAMES + "\\s*(?:[=:]\\s*|\\s(?:is\\s+)?)['\"]?)(?!\\*\\*\\*)(?=[a-z+/_=-]*[0-9])[a-z0-9+/_=-]{16,}",
                    m -> m.group(1) + MASK),
            // password='two words', pin: "1234"
            rule("(?<![\\w-])(" + SECRET_NAMES + "\\s*[=:]\\s*)(['\"])(?!\\*\\*\\*)(?:(?!\\2).)*\\2",
                    m -> m.group(1) + m.group(2) + MASK + m.group(2)),
            // password=..., pin: 1234, ?token=...&, wifiPassword='...'; closing brackets after the value stay
            rule("(?<![\\w-])(" + SECRET_NAMES + "\\s*[=:]\\s*['\"]?)(?!\\*\\*\\*)[^\\s&,;\"']+?(?=[)\\]}]*(?:[\\s&,;\"']|$))",
                    m -> m.group(1) + MASK));

    private Redaction() {
    }

    /** {@code text} with every secret value replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (UnaryOperator<String> rule : RULES) {
            result = rule.apply(result);
        }
        return result;
    }

    private static UnaryOperator<String> rule(String regex, Function<MatchResult, String> replacement) {
        Pattern pattern = Pattern.compile(regex, FLAGS);
        return text -> pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
    }
}
