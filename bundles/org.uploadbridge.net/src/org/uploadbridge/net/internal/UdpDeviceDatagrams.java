package org.uploadbridge.net.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.DatagramLink;
import org.uploadbridge.net.DeviceDatagrams;
import org.uploadbridge.validation.address.AddressPolicy;

/** {@link DeviceDatagrams} on connected {@link DatagramChannel}s, checked by the same policy as HTTP. */
@Component(service = DeviceDatagrams.class, configurationPid = "org.uploadbridge.net")
public final class UdpDeviceDatagrams implements DeviceDatagrams {

    private final PolicyGate gate;

    @Activate
    public UdpDeviceDatagrams(@Reference AddressPolicy policy, Map<String, Object> properties) {
        this.gate = new PolicyGate(policy, properties);
    }

    @Override
    public DatagramLink open(DeviceAddress device, int udpPort) throws UploadBridgeException {
        if (udpPort < 1 || udpPort > 0xFFFF) {
            throw new IllegalArgumentException("a UDP port is 1..65535, not " + udpPort);
        }
        InetAddress target = gate.check(device)[0];
        try {
            DatagramChannel channel = DatagramChannel.open();
            try {
                // Connected: the kernel sends only to this address, and a refusal (ICMP) shows on the next send.
                channel.connect(new InetSocketAddress(target, udpPort));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new Link(device, channel);
        } catch (IOException e) {
            throw new UploadBridgeException(DeviceError.UNREACHABLE, e, device, "cannot open UDP to port " + udpPort + ": " + e.getMessage());
        }
    }

    private record Link(DeviceAddress device, DatagramChannel channel) implements DatagramLink {

        @Override
        public void send(ByteBuffer datagram) throws UploadBridgeException {
            if (datagram.remaining() > MAX_DATAGRAM_BYTES) {
                throw new IllegalArgumentException("a datagram is at most " + MAX_DATAGRAM_BYTES + " bytes, not " + datagram.remaining());
            }
            try {
                channel.write(datagram);
            } catch (IOException e) {
                throw new UploadBridgeException(DeviceError.UNREACHABLE, e, device, "UDP to the device failed: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot close the UDP link to " + device, e);
            }
        }
    }
}
