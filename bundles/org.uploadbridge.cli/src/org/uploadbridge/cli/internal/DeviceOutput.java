package org.uploadbridge.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.CatalogEntry;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DiscoveredDevices;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.resilience.GuardState;

/** How devices and device failures look on a terminal and in {@code --json}. */
final class DeviceOutput {

    private DeviceOutput() {
    }

    /** {@code foundBy} is set by discovery only (scan, mdns or both), {@code guard} and {@code health} by status only. */
    record DeviceJson(String address, String firmware, String name, String version, String mac, boolean patternLoaded,
            int leds, int frames, long patternBytes, String network, List<String> capabilities, List<String> foundBy,
            GuardJson guard, Integer health) {

        DeviceJson with(GuardState state, DeviceHealth deviceHealth) {
            return new DeviceJson(address, firmware, name, version, mac, patternLoaded, leds, frames, patternBytes, network,
                    capabilities, foundBy, GuardJson.of(state), deviceHealth.hasData() ? deviceHealth.score() : null);
        }
    }

    /** The device's breaker and quotas; {@code uploadsLeftThisHour} is null when there is no hourly quota. */
    record GuardJson(String breaker, long nextTryInSeconds, Integer uploadsLeftThisHour, long cooldownSeconds, long retries) {
        static GuardJson of(GuardState s) {
            return new GuardJson(s.breaker().name().toLowerCase(Locale.ROOT), s.nextTryIn().toSeconds(),
                    s.uploadsLeftThisHour() == Integer.MAX_VALUE ? null : s.uploadsLeftThisHour(), s.cooldownLeft().toSeconds(),
                    s.retries());
        }
    }

    /** The guard's state in words, e.g. "breaker closed, 9 upload(s) left this hour". */
    static String line(GuardState s) {
        StringBuilder text = new StringBuilder("breaker ").append(s.breaker().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (!s.nextTryIn().isZero()) {
            text.append(" (next try in ").append(Math.max(1, s.nextTryIn().toSeconds())).append(" s)");
        }
        if (s.uploadsLeftThisHour() != Integer.MAX_VALUE) {
            text.append(", ").append(s.uploadsLeftThisHour()).append(" upload(s) left this hour");
        }
        if (!s.cooldownLeft().isZero()) {
            text.append(", cooling down ").append(Math.max(1, s.cooldownLeft().toSeconds())).append(" s");
        }
        if (s.retries() > 0) {
            text.append(", ").append(s.retries()).append(" retr").append(s.retries() == 1 ? "y" : "ies");
        }
        return text.toString();
    }

    record ErrorJson(String address, String code, String title, String message, List<String> steps, String doc) {
    }

    static DeviceJson json(DeviceStatus s) {
        List<String> capabilities = new ArrayList<>();
        s.capabilities().stream().sorted().forEach(c -> capabilities.add(c.name().toLowerCase(Locale.ROOT)));
        return new DeviceJson(s.address().toString(), s.firmwareId(), s.name(), s.firmwareVersion().orElse(null),
                s.macAddress().orElse(null), s.pattern().loaded(), s.pattern().ledCount(), s.pattern().frameCount(),
                s.pattern().sizeBytes(), s.network(), capabilities, null, null, null);
    }

    static DeviceJson json(DiscoveredDevices.Found found) {
        DeviceJson d = json(found.status());
        return new DeviceJson(d.address(), d.firmware(), d.name(), d.version(), d.mac(), d.patternLoaded(), d.leds(),
                d.frames(), d.patternBytes(), d.network(), d.capabilities(), sources(found), null, null);
    }

    static List<String> sources(DiscoveredDevices.Found found) {
        return found.sources().stream().sorted().map(source -> source.name().toLowerCase(Locale.ROOT)).toList();
    }

    static ErrorJson json(String address, UploadBridgeException e) {
        CatalogEntry entry = e.entry();
        return new ErrorJson(address, entry.code(), entry.title(), e.detail(), entry.steps(), entry.docReference());
    }

    static String line(DeviceStatus s) {
        String pattern = s.pattern().loaded()
                ? s.pattern().ledCount() + " LEDs x " + s.pattern().frameCount() + " frames (" + s.pattern().sizeBytes() + " bytes)"
                : "no pattern";
        return String.format("%-22s %-8s %-14s %s", s.address(), s.firmwareId(), s.name(), pattern);
    }

    /** Prints a failure as JSON or as text, and gives the exit code for it. */
    static int failed(PrintStream out, boolean json, String subject, UploadBridgeException e) {
        if (json) {
            out.println(Json.GSON.toJson(json(subject, e)));
        } else {
            printError(out, subject, e);
        }
        return Cli.FAILED;
    }

    static void printError(PrintStream out, String subject, UploadBridgeException e) {
        CatalogEntry entry = e.entry();
        out.println("FAILED   " + subject + ": " + entry.code() + " " + entry.title() + ": " + e.detail());
        int n = 1;
        for (String step : entry.steps()) {
            out.println("      " + n++ + ". " + step);
        }
        out.println("      See " + entry.docReference());
    }
}
