package org.uploadbridge.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code settings [PID] [--json]}: every setting in force (Configuration Admin's configurations, as
 * the preference pages, a distribution's defaults or the user left them), so a machine without a
 * display can show what it runs with. Values of keys that name a secret are not printed.
 */
final class SettingsCommand implements Cli.Command {

    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_BUNDLELOCATION,
            ConfigurationAdmin.SERVICE_FACTORYPID);
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|pin)$");

    private final PrintStream out;
    private final CliServices services;

    SettingsCommand(PrintStream out, CliServices services) {
        this.out = out;
        this.services = services;
    }

    @Override
    public int run(String[] args) throws UsageException {
        DeviceArguments.Options options = DeviceArguments.options("settings", args);
        if (options.positional().size() > 1) {
            throw new UsageException("settings takes at most one PID, e.g. settings org.uploadbridge.resilience");
        }
        Map<String, Map<String, Object>> settings = new TreeMap<>();
        for (Configuration configuration : configurations(options.positional())) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                continue; // made, never set
            }
            Map<String, Object> shown = new TreeMap<>();
            for (String key : Collections.list(properties.keys())) {
                if (!BOOKKEEPING.contains(key)) {
                    shown.put(key, SECRET.matcher(key).matches() ? "(not shown)" : plain(properties.get(key)));
                }
            }
            settings.put(configuration.getPid(), shown);
        }
        if (options.json()) {
            out.println(Json.GSON.toJson(Map.of("settings", settings)));
            return Cli.OK;
        }
        settings.forEach((pid, properties) -> {
            out.println(pid);
            properties.forEach((key, value) -> out.println("  " + key + " = " + value));
        });
        out.println(settings.size() + " configuration(s); settings not listed have their defaults.");
        return Cli.OK;
    }

    private List<Configuration> configurations(List<String> pid) {
        try {
            String filter = pid.isEmpty() ? null : "(" + Constants.SERVICE_PID + "=" + pid.get(0).replaceAll("([\\\\*()])", "\\\\$1") + ")";
            Configuration[] found = services.configurations().listConfigurations(filter);
            return found == null ? List.of() : Arrays.stream(found).sorted(Comparator.comparing(Configuration::getPid)).toList();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("Configuration Admin could not list the settings: " + e.getMessage(), e);
        }
    }

    /** Arrays as lists, so both outputs show their elements. */
    private static Object plain(Object value) {
        return value != null && value.getClass().isArray()
                ? IntStream.range(0, Array.getLength(value)).mapToObj(i -> Array.get(value, i)).toList()
                : value;
    }
}
