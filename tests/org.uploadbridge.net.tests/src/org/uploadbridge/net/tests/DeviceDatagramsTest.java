package org.uploadbridge.net.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.net.DatagramLink;
import org.uploadbridge.net.DeviceDatagrams;
import org.uploadbridge.testing.OsgiServices;

/** UDP to devices: datagrams arrive whole, and only where the address policy allows. */
class DeviceDatagramsTest {

    private final DeviceDatagrams datagrams = OsgiServices.await(DeviceDatagrams.class);

    @Test
    void datagramsReachTheDevicesPortWhole() throws Exception {
        // given: a receiver on loopback
        try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
            byte[] payload = new byte[DatagramLink.MAX_DATAGRAM_BYTES];
            Arrays.fill(payload, (byte) 0x5A);
            // when
            try (DatagramLink link = datagrams.open(new DeviceAddress("127.0.0.1", 80), port)) {
                link.send(ByteBuffer.wrap(payload));
            }
            // then
            ByteBuffer received = ByteBuffer.allocate(2048);
            receiver.receive(received);
            assertArrayEquals(payload, Arrays.copyOf(received.array(), received.position()));
        }
    }

    @Test
    void publicAddressesAreRefusedBeforeAnyTraffic() {
        UploadBridgeException e = assertThrows(UploadBridgeException.class,
                () -> datagrams.open(new DeviceAddress("8.8.8.8", 80), 4048));
        assertEquals("UB-V110", e.code().id());
    }

    @Test
    void aDatagramLargerThanAFrameIsRefused() throws Exception {
        try (DatagramLink link = datagrams.open(new DeviceAddress("127.0.0.1", 80), 4048)) {
            assertThrows(IllegalArgumentException.class, () -> link.send(ByteBuffer.allocate(DatagramLink.MAX_DATAGRAM_BYTES + 1)));
        }
    }
}
