package org.uploadbridge.simulator.internal;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.uploadbridge.simulator.MdnsAdvertisement;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.WledDevice;

/**
 * The mDNS names and records of one simulated device, as the classic firmware announces them:
 * host {@code <name>.local.}, instances {@code <name>._http._tcp.local.} and
 * {@code <name>._arduino._tcp.local.}; WLED devices {@code <name>._wled._tcp.local.} in place of the last.
 */
final class DeviceRecords {

    static final String SERVICE_TYPES = "_services._dns-sd._udp.local.";
    static final List<String> SERVICES = List.of(MdnsAdvertisement.HTTP_SERVICE, MdnsAdvertisement.ARDUINO_SERVICE,
            MdnsAdvertisement.WLED_SERVICE);

    /** RFC 952/1123 host label: what ESP's MDNS.begin(name) needs to be resolvable. */
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private DeviceRecords() {
    }

    /** @throws IllegalArgumentException when {@code deviceName} cannot be a host label */
    static void requireHostLabel(String deviceName) {
        if (!HOST_LABEL.matcher(deviceName).matches()) {
            throw new IllegalArgumentException("device name '" + deviceName + "' cannot be an mDNS host name: "
                    + "use 1..63 letters, digits and inner hyphens (see FleetSpec.withNamePrefix)");
        }
    }

    static String host(String deviceName) {
        return deviceName + ".local.";
    }

    static String instance(String deviceName, String service) {
        return deviceName + "." + service;
    }

    /** Every name a question may ask about {@code deviceName}, in lower case. */
    static List<String> names(String deviceName) {
        String lower = deviceName.toLowerCase(Locale.ROOT);
        return List.of(host(lower), instance(lower, SERVICES.get(0)), instance(lower, SERVICES.get(1)),
                instance(lower, SERVICES.get(2)));
    }

    /** PTR, SRV and TXT of each service, then the A record; read from the device now. */
    static List<MdnsRecord> of(SimulatedDevice device) {
        if (device instanceof WledDevice) {
            return wled(device);
        }
        String name = device.name();
        String host = host(name);
        InetSocketAddress address = device.address();
        String mac = "mac=" + device.mac();
        String chip = device.profile().name();
        String http = instance(name, MdnsAdvertisement.HTTP_SERVICE);
        String arduino = instance(name, MdnsAdvertisement.ARDUINO_SERVICE);
        return List.of(MdnsRecord.ptr(MdnsAdvertisement.HTTP_SERVICE, http),
                MdnsRecord.srv(http, address.getPort(), host),
                MdnsRecord.txt(http, List.of(mac, "fw=classic", "chip=" + chip, "path=/")),
                MdnsRecord.ptr(MdnsAdvertisement.ARDUINO_SERVICE, arduino),
                MdnsRecord.srv(arduino, otaPort(chip), host),
                // ArduinoOTA's own TXT keys, plus the MAC the classic firmware adds.
                MdnsRecord.txt(arduino, List.of(mac, "board=" + chip, "tcp_check=no", "ssh_upload=no", "auth_upload=no")),
                MdnsRecord.a(host, (Inet4Address) address.getAddress()));
    }

    /** WLED announces {@code _http._tcp} and {@code _wled._tcp}, both on its web port, TXT {@code mac=} without colons. */
    private static List<MdnsRecord> wled(SimulatedDevice device) {
        String name = device.name();
        String host = host(name);
        InetSocketAddress address = device.address();
        List<String> txt = List.of("mac=" + device.mac().replace(":", ""));
        String http = instance(name, MdnsAdvertisement.HTTP_SERVICE);
        String wled = instance(name, MdnsAdvertisement.WLED_SERVICE);
        return List.of(MdnsRecord.ptr(MdnsAdvertisement.HTTP_SERVICE, http), MdnsRecord.srv(http, address.getPort(), host),
                MdnsRecord.txt(http, txt), MdnsRecord.ptr(MdnsAdvertisement.WLED_SERVICE, wled),
                MdnsRecord.srv(wled, address.getPort(), host), MdnsRecord.txt(wled, txt),
                MdnsRecord.a(host, (Inet4Address) address.getAddress()));
    }

    /**
     * The PTRs of {@value #SERVICE_TYPES} (RFC 6763 §9): the service types {@code devices} announce
     * (a classic fleet's two, a WLED fleet's two).
     */
    static List<MdnsRecord> serviceTypes(List<SimulatedDevice> devices) {
        boolean wled = devices.stream().anyMatch(WledDevice.class::isInstance);
        boolean classic = devices.stream().anyMatch(device -> !(device instanceof WledDevice));
        return SERVICES.stream()
                .filter(service -> service.equals(MdnsAdvertisement.HTTP_SERVICE)
                        || (service.equals(MdnsAdvertisement.WLED_SERVICE) ? wled : classic))
                .map(service -> MdnsRecord.ptr(SERVICE_TYPES, service)).toList();
    }

    /** ArduinoOTA announces the port it listens on, which depends on the chip, not the web server's. */
    static int otaPort(String chip) {
        return chip.toLowerCase(Locale.ROOT).contains("esp32") ? MdnsAdvertisement.ESP32_OTA_PORT
                : MdnsAdvertisement.ESP8266_OTA_PORT;
    }
}
