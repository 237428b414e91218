package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceState;

/**
 * {@code license status | install FILE | remove | fingerprint [--json]}: the licence in force, as
 * the device services enforce it (docs/licensing.md).
 */
final class LicenseCommand implements Cli.Command {

    private final PrintStream out;
    private final CliServices services;

    LicenseCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    /** The state for scripts. */
    record StateJson(String status, String edition, String licensee, String id, Integer maxDevices, List<String> entitlements,
            String issued, String expires, String graceEnds, List<String> warnings, DeviceOutput.ErrorJson problem,
            String fingerprint) {
        static StateJson of(LicenceState s, String fingerprint) {
            List<String> features = new ArrayList<>();
            for (Entitlement e : Entitlement.values()) {
                if (s.entitlements().includes(e)) {
                    features.add(e.key());
                }
            }
            return new StateJson(s.status().name().toLowerCase(Locale.ROOT), s.edition(), s.licence().map(l -> l.licensee()).orElse(null),
                    s.licence().map(l -> l.id()).orElse(null),
                    s.entitlements().maxDevices().isPresent() ? s.entitlements().maxDevices().getAsInt() : null, features,
                    s.licence().map(l -> l.issued().toString()).orElse(null),
                    s.licence().flatMap(l -> l.expires()).map(Object::toString).orElse(null),
                    s.graceEnds().map(Object::toString).orElse(null), s.warnings(),
                    s.problem().map(p -> DeviceOutput.json("licence", p)).orElse(null), fingerprint);
        }
    }

    @Override
    public int run(String[] args) throws UsageException {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean json = rest.remove("--json");
        if (rest.isEmpty()) {
            throw new UsageException("license needs one of: status, install FILE, remove, fingerprint");
        }
        LicenceService licence = services.licence();
        String action = rest.remove(0);
        try {
            switch (action) {
                case "status" -> {
                    requireNoMore(rest, action);
                    print(licence.state(), licence, json);
                }
                case "install" -> {
                    if (rest.size() != 1) {
                        throw new UsageException("license install needs the licence file, e.g. license install studio.json");
                    }
                    print(licence.install(Path.of(rest.get(0))), licence, json);
                }
                case "remove" -> {
                    requireNoMore(rest, action);
                    print(licence.remove(), licence, json);
                }
                case "fingerprint" -> {
                    requireNoMore(rest, action);
                    out.println(json ? Json.GSON.toJson(java.util.Map.of("fingerprint", licence.fingerprint().text()))
                            : licence.fingerprint().text());
                }
                default -> throw new UsageException("Unknown license action: " + action + " (status, install FILE, remove, fingerprint)");
            }
        } catch (UploadBridgeException e) {
            return DeviceOutput.failed(out, json, "licence", e);
        }
        return Cli.OK;
    }

    private static void requireNoMore(List<String> rest, String action) throws UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException("license " + action + " takes no argument: " + rest.get(0));
        }
    }

    private void print(LicenceState state, LicenceService licence, boolean json) {
        if (json) {
            out.println(Json.GSON.toJson(StateJson.of(state, licence.fingerprint().text())));
            return;
        }
        StateJson s = StateJson.of(state, licence.fingerprint().text());
        out.println("Edition:      " + s.edition() + " (" + s.status() + ")");
        if (s.licensee() != null) {
            out.println("Licensee:     " + s.licensee() + " (licence " + s.id() + ", issued " + s.issued() + ")");
            out.println("Expires:      " + (s.expires() == null ? "never" : s.expires() + ", grace until " + s.graceEnds()));
        }
        out.println("Devices:      " + (s.maxDevices() == null ? "no limit" : "up to " + s.maxDevices()));
        for (Entitlement e : Entitlement.values()) {
            out.printf("%-13s %s%n", capitalised(e.label()) + ":", state.entitlements().includes(e) ? "yes" : "no");
        }
        state.warnings().forEach(w -> out.println("WARNING      " + w));
        state.problem().ifPresent(p -> DeviceOutput.printError(out, "licence", p));
        out.println("Fingerprint:  " + s.fingerprint());
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
