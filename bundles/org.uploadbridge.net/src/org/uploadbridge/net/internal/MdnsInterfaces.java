package org.uploadbridge.net.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The interfaces mDNS browses on: the ones named, or every interface that is up, can multicast and
 * has an IPv4 address (loopback too when it can multicast: that is where the simulator answers).
 */
record MdnsInterfaces(List<String> names) {

    static final String PROPERTY = "interfaces";
    static final String FRAMEWORK_PROPERTY = "org.uploadbridge.net.mdns.interfaces";

    static MdnsInterfaces of(Object configured) {
        if (configured == null) {
            return new MdnsInterfaces(List.of());
        }
        List<String> names = configured instanceof String[] array ? Arrays.asList(array)
                : Arrays.asList(String.valueOf(configured).split(","));
        return new MdnsInterfaces(names.stream().map(String::trim).filter(name -> !name.isEmpty()).toList());
    }

    String describe() {
        return names.isEmpty() ? "every up interface" : "interface(s) " + String.join(", ", names);
    }

    List<Inet4Address> addresses() throws UploadBridgeException {
        List<Inet4Address> addresses = new ArrayList<>();
        try {
            if (names.isEmpty()) {
                for (NetworkInterface candidate : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (usable(candidate)) {
                        addresses.addAll(ipv4(candidate));
                    }
                }
            } else {
                for (String name : names) {
                    NetworkInterface named = NetworkInterface.getByName(name);
                    if (named == null) {
                        throw new UploadBridgeException(DeviceError.MDNS_UNAVAILABLE, describe(), "there is no interface " + name);
                    }
                    if (!usable(named)) {
                        throw new UploadBridgeException(DeviceError.MDNS_UNAVAILABLE, describe(),
                                name + " is down or cannot multicast" + (named.isLoopback() ? " (as root: ip link set " + name + " multicast on)" : ""));
                    }
                    addresses.addAll(ipv4(named));
                }
            }
        } catch (SocketException e) {
            throw new UploadBridgeException(DeviceError.MDNS_UNAVAILABLE, e, describe(), e.getMessage());
        }
        if (addresses.isEmpty()) {
            throw new UploadBridgeException(DeviceError.MDNS_UNAVAILABLE, describe(), "no interface that is up, can multicast and has an IPv4 address");
        }
        return addresses;
    }

    private static boolean usable(NetworkInterface candidate) throws SocketException {
        return candidate.isUp() && candidate.supportsMulticast() && !candidate.isVirtual();
    }

    private static List<Inet4Address> ipv4(NetworkInterface candidate) {
        List<Inet4Address> found = new ArrayList<>();
        for (InetAddress address : Collections.list(candidate.getInetAddresses())) {
            if (address instanceof Inet4Address v4) {
                found.add(v4);
            }
        }
        return found;
    }
}
