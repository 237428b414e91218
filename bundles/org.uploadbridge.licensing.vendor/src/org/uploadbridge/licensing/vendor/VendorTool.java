package org.uploadbridge.licensing.vendor;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.uploadbridge.licensing.Entitlement;

/**
 * The vendor's licence tool: makes the key pair and issues and inspects licences
 * (docs/licensing.md). A plain {@code main} on a class path of the core, licensing and this jar
 * and Gson; it is never installed in the product, so the private key never meets it.
 */
public final class VendorTool {

    /** Exit codes: done; the licence does not verify or a file could not be written; a missing or bad argument. */
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    private VendorTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        try {
            return switch (command) {
                case "keygen" -> KeygenCommand.run(rest, out);
                case "issue" -> IssueCommand.run(rest, out);
                case "show" -> ShowCommand.run(rest, out);
                case "help", "--help", "-h" -> {
                    out.print(usage());
                    yield OK;
                }
                case "" -> throw new UsageException("give a command: keygen, issue, show or help.");
                default -> throw new UsageException("there is no command " + command + ": use keygen, issue, show or help.");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: licence-tool " + usageOf(command));
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + command + " failed: " + e + ". Nothing was written; check the folder and run it again.");
            return INVALID;
        }
    }

    private static String usageOf(String command) {
        return switch (command) {
            case "keygen" -> KeygenCommand.USAGE;
            case "issue" -> IssueCommand.USAGE;
            case "show" -> ShowCommand.USAGE;
            default -> "keygen|issue|show|help ... (licence-tool help says more)";
        };
    }

    static String usage() {
        StringBuilder features = new StringBuilder();
        for (Entitlement e : Entitlement.values()) {
            features.append(String.format("      %-26s includes %s%n", IssueCommand.flag(e), e.label()));
        }
        return String.format("""
                Upload Bridge licence tool, for the vendor (not part of the product). See docs/licensing.md.

                  licence-tool keygen --out DIR
                      Makes the vendor key pair: DIR/vendor.key (private, owner-only) and DIR/vendor.pub.
                  licence-tool issue --key FILE --id ID --licensee NAME --edition NAME --out FILE [options]
                      Signs a licence with the private key and writes it to a new FILE. Options:
                      --max-devices N            devices it allows (default: no limit)
                %s      --expires YYYY-MM-DD       its last valid day, UTC (default: never expires)
                      --grace-days N             days it keeps working after expiry (default %d)
                      --issued YYYY-MM-DD        the issue date (default: today, UTC)
                      --fingerprint TEXT|@FILE   the customer's machine, ubfp1:... (default: any machine)
                      --required K               fingerprint factors that must match (default: all but one, with 3 or more)
                  licence-tool show FILE [--public-key FILE]
                      Prints a licence and whether its signature verifies (default key: the product's).

                Exit codes: 0 done, 1 the licence does not verify or a file could not be written, 2 a missing or bad argument.
                Files are never overwritten.
                """, features, IssueCommand.DEFAULT_GRACE_DAYS);
    }
}
