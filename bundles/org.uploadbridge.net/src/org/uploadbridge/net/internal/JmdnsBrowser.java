package org.uploadbridge.net.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.MdnsBrowser;
import org.uploadbridge.net.MdnsSighting;

/**
 * {@link MdnsBrowser} on JmDNS: one JmDNS instance per chosen interface address, for the length of
 * one browse (devices come and go between browses, so nothing is cached). The interfaces come from
 * configuration property {@value MdnsInterfaces#PROPERTY}, else from framework property
 * {@value MdnsInterfaces#FRAMEWORK_PROPERTY} (tests set it to {@code lo}, so that no test
 * multicasts beyond this machine), else every interface that can.
 */
@Component(service = MdnsBrowser.class, configurationPid = "org.uploadbridge.net.mdns")
public final class JmdnsBrowser implements MdnsBrowser {

    private static final long CANCEL_CHECK_MILLIS = 50;
    private static final long RESOLVE_TIMEOUT_MILLIS = 1_000;

    private final MdnsInterfaces interfaces;

    @Activate
    public JmdnsBrowser(BundleContext context, Map<String, Object> properties) {
        Object configured = properties.get(MdnsInterfaces.PROPERTY);
        boolean chosen = configured != null && !String.valueOf(configured).isBlank();
        this.interfaces = MdnsInterfaces.of(chosen ? configured : context.getProperty(MdnsInterfaces.FRAMEWORK_PROPERTY));
    }

    /** For tests of one configuration. */
    public JmdnsBrowser(String interfaceNames) {
        this.interfaces = MdnsInterfaces.of(interfaceNames);
    }

    @Override
    public List<MdnsSighting> browse(List<String> serviceTypes, Duration window, Consumer<MdnsSighting> onSighting,
            BooleanSupplier cancelled) throws UploadBridgeException {
        List<Inet4Address> addresses = interfaces.addresses();
        Sightings sightings = new Sightings(onSighting);
        List<JmDNS> browsers = new ArrayList<>();
        try {
            for (Inet4Address address : addresses) {
                JmDNS browser = JmDNS.create(address, "upload-bridge-" + address.getHostAddress().replace('.', '-'));
                browsers.add(browser);
                for (String type : serviceTypes) {
                    browser.addServiceListener(type, new Resolver(browser, sightings));
                }
            }
            waitFor(window, cancelled);
        } catch (IOException e) {
            throw new UploadBridgeException(DeviceError.MDNS_UNAVAILABLE, e, interfaces.describe(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeAll(browsers);
        }
        return sightings.finish();
    }

    private static void waitFor(Duration window, BooleanSupplier cancelled) throws InterruptedException {
        long end = System.nanoTime() + window.toNanos();
        while (!cancelled.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(CANCEL_CHECK_MILLIS, Math.max(1, left / 1_000_000)));
        }
    }

    private static void closeAll(List<JmDNS> browsers) throws UploadBridgeException {
        IOException first = null;
        for (JmDNS browser : browsers) {
            try {
                browser.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw new UploadBridgeException(DeviceError.MDNS_UNAVAILABLE, first, "closing the browser", first.getMessage());
        }
    }

    /** Asks for each instance's SRV, TXT and A records as it is seen, and reports it once resolved. */
    private record Resolver(JmDNS browser, Sightings sightings) implements ServiceListener {

        @Override
        public void serviceAdded(ServiceEvent event) {
            browser.requestServiceInfo(event.getType(), event.getName(), RESOLVE_TIMEOUT_MILLIS);
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            // A device saying goodbye during a browse: it was either reported already or never will be.
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            ServiceInfo info = event.getInfo();
            Map<String, String> text = new HashMap<>();
            for (String key : Collections.list(info.getPropertyNames())) {
                String value = info.getPropertyString(key);
                text.put(key, value == null ? "" : value);
            }
            for (Inet4Address address : info.getInet4Addresses()) {
                sightings.resolved(new MdnsSighting(event.getType(), event.getName(), info.getServer(),
                        address.getHostAddress(), info.getPort(), text));
            }
        }
    }

    /**
     * Reports each instance once per address. JmDNS may resolve an instance before its TXT record
     * arrives; that sighting waits, so the MAC it carries is not lost, until its TXT comes or the
     * browse ends.
     */
    private static final class Sightings {
        private final Consumer<MdnsSighting> onSighting;
        private final Map<String, MdnsSighting> withoutText = new LinkedHashMap<>();
        private final Set<String> reported = new HashSet<>();
        private final List<MdnsSighting> inOrder = new ArrayList<>();

        Sightings(Consumer<MdnsSighting> onSighting) {
            this.onSighting = onSighting;
        }

        synchronized void resolved(MdnsSighting sighting) {
            String key = sighting.serviceType() + '|' + sighting.instanceName() + '|' + sighting.address();
            if (reported.contains(key)) {
                return;
            }
            if (sighting.text().isEmpty()) {
                withoutText.putIfAbsent(key, sighting);
                return;
            }
            withoutText.remove(key);
            report(key, sighting);
        }

        synchronized List<MdnsSighting> finish() {
            withoutText.forEach(this::report);
            withoutText.clear();
            return List.copyOf(inOrder);
        }

        private void report(String key, MdnsSighting sighting) {
            reported.add(key);
            inOrder.add(sighting);
            onSighting.accept(sighting);
        }
    }
}
