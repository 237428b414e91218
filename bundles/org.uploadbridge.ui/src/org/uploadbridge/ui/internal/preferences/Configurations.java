package org.uploadbridge.ui.internal.preferences;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.cm.ConfigurationAdmin;
import org.uploadbridge.ui.internal.common.ServiceRef;

/** Component settings the preference pages read and save through Configuration Admin, where the services read them. */
final class Configurations implements AutoCloseable {

    private final ServiceRef<ConfigurationAdmin> admin = new ServiceRef<>(ConfigurationAdmin.class);

    /** The saved value of {@code key} for component {@code pid}, if one was saved. */
    Optional<Object> value(String pid, String key) throws IOException {
        Dictionary<String, Object> properties = admin.get().getConfiguration(pid, "?").getProperties();
        return properties == null ? Optional.empty() : Optional.ofNullable(properties.get(key));
    }

    /** Every saved value for component {@code pid}; empty when nothing was saved. */
    Map<String, Object> properties(String pid) throws IOException {
        Dictionary<String, Object> properties = admin.get().getConfiguration(pid, "?").getProperties();
        Map<String, Object> values = new HashMap<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                values.put(key, properties.get(key));
            }
        }
        return values;
    }

    /** Saves {@code properties} for {@code pid}; the component takes them at once. */
    void save(String pid, Hashtable<String, Object> properties) throws IOException {
        admin.get().getConfiguration(pid, "?").update(properties);
    }

    @Override
    public void close() {
        admin.close();
    }
}
