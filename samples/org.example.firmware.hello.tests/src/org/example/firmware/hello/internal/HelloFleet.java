package org.example.firmware.hello.internal;

import java.util.ArrayList;
import java.util.List;

import org.uploadbridge.firmware.tck.ConformanceDevice;
import org.uploadbridge.firmware.tck.ConformanceFleet;

/** Freshly flashed simulated hello devices, each on its own loopback port. */
final class HelloFleet implements ConformanceFleet {

    private final List<HelloDevice> devices;

    private HelloFleet(List<HelloDevice> devices) {
        this.devices = devices;
    }

    static HelloFleet start(int count) {
        List<HelloDevice> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                started.add(new HelloDevice("hello-" + i));
            }
        } catch (Exception e) {
            started.forEach(HelloDevice::stop);
            throw new IllegalStateException("cannot start simulated hello devices", e);
        }
        return new HelloFleet(List.copyOf(started));
    }

    @Override
    public List<ConformanceDevice> devices() {
        return List.copyOf(devices);
    }

    @Override
    public void close() {
        devices.forEach(HelloDevice::stop);
    }
}
