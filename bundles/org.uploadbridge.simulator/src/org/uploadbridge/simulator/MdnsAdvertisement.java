package org.uploadbridge.simulator;

import java.net.NetworkInterface;

import org.uploadbridge.simulator.internal.LoopbackMulticast;

/**
 * mDNS answers for a simulated fleet, as the classic firmware's {@code ESP8266mDNS} / {@code ESPmDNS}
 * gives them: every online device announces {@value #HTTP_SERVICE} and {@value #ARDUINO_SERVICE}
 * ({@value #WLED_SERVICE} for WLED devices),
 * host name {@code <device name>.local} and TXT {@code mac=}. Everything is sent to 224.0.0.251:5353
 * on the loopback interface only, never on another interface.
 *
 * <p>Close it to send goodbyes (TTL 0) and free the socket. Stopped or rebooting devices and devices
 * of a closed fleet are not answered for.
 */
public interface MdnsAdvertisement extends AutoCloseable {

    /** The web interface: SRV port = the device's HTTP port. */
    String HTTP_SERVICE = "_http._tcp.local.";
    /**
     * ArduinoOTA: SRV port = the chip's OTA port, {@value #ESP8266_OTA_PORT} or
     * {@value #ESP32_OTA_PORT}, as real devices announce it (nothing listens there).
     */
    String ARDUINO_SERVICE = "_arduino._tcp.local.";
    /** WLED's own service (WLED devices only, in place of {@value #ARDUINO_SERVICE}): SRV port = the HTTP port. */
    String WLED_SERVICE = "_wled._tcp.local.";
    /** ArduinoOTA's port on an ESP8266 (every profile whose name does not contain {@code esp32}). */
    int ESP8266_OTA_PORT = 8266;
    /** ArduinoOTA's port on an ESP32. */
    int ESP32_OTA_PORT = 3232;

    /** The fleet answered for. */
    SimulatedFleet fleet();

    /**
     * The interface every packet is sent on, read from the socket (IP_MULTICAST_IF): always the
     * loopback interface.
     *
     * @throws java.io.UncheckedIOException once closed
     */
    NetworkInterface networkInterface();

    /** Sends goodbyes for every device, then stops answering; idempotent. */
    @Override
    void close();

    /**
     * Whether mDNS can run on loopback here: the interface of 127.0.0.1 exists, is up and has the
     * MULTICAST flag (Linux's {@code lo} has not by default: {@code ip link set lo multicast on}).
     */
    static boolean loopbackMulticastAvailable() {
        return LoopbackMulticast.available();
    }
}
