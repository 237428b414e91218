package org.uploadbridge.licensing.vendor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One command's arguments: {@code --name value} options and {@code --flag}s, each given at most
 * once, and plain operands. Anything unknown, repeated or without its value is a {@link UsageException}
 * that names it, so a typo never silently issues a licence with less in it.
 */
final class Arguments {

    private final String command;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments(String command) {
        this.command = command;
    }

    /** Parses {@code args} of {@code command}, which knows {@code valueOptions} and {@code flagOptions} (with their dashes). */
    static Arguments parse(String command, List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Arguments parsed = new Arguments(command);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.operands.add(arg);
            } else if (flagOptions.contains(arg)) {
                if (!parsed.flags.add(arg)) {
                    throw new UsageException(arg + " is given twice; give it once.");
                }
            } else if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(arg + " needs a value, e.g. " + arg + " " + example(arg) + ".");
                }
                if (parsed.values.put(arg, args.get(++i)) != null) {
                    throw new UsageException(arg + " is given twice; give it once.");
                }
            } else {
                Set<String> known = new TreeSet<>(valueOptions);
                known.addAll(flagOptions);
                throw new UsageException(command + " has no option " + arg + "; its options are " + String.join(" ", known) + ".");
            }
        }
        return parsed;
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    String required(String option) throws UsageException {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(command + " needs " + option + ", e.g. " + option + " " + example(option) + ".");
        }
        return value;
    }

    boolean flag(String option) {
        return flags.contains(option);
    }

    Optional<LocalDate> date(String option) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " " + text.get() + " is not a date: give YYYY-MM-DD, e.g. " + option + " 2027-10-31.", e);
        }
    }

    /** The whole number given for {@code option}; {@code min..max} says what the licence allows. */
    Optional<Integer> integer(String option, int min, int max) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int n;
        try {
            n = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " " + text.get() + " is not a whole number: give one from " + min + " to " + max + ".", e);
        }
        if (n < min || n > max) {
            throw new UsageException(option + " " + n + " is out of range: give one from " + min + " to " + max + ".");
        }
        return Optional.of(n);
    }

    /** The operands, which must be exactly {@code names} (for the message). */
    List<String> operands(String... names) throws UsageException {
        if (operands.size() != names.length) {
            String expected = names.length == 0 ? "no file names" : String.join(" ", names);
            throw new UsageException(command + " takes " + expected + " besides its options, but was given "
                    + (operands.isEmpty() ? "none" : String.join(" ", operands)) + ".");
        }
        return List.copyOf(operands);
    }

    /** What a value of {@code option} looks like, for messages. */
    private static String example(String option) {
        return switch (option) {
            case "--out", "--key", "--public-key" -> "FILE";
            case "--id" -> "UB-2026-0042";
            case "--licensee" -> "\"Lumen Lighting Studio\"";
            case "--edition" -> "studio";
            case "--expires", "--issued" -> "2027-10-31";
            case "--fingerprint" -> "ubfp1:... (or @FILE holding it)";
            default -> "N";
        };
    }
}
