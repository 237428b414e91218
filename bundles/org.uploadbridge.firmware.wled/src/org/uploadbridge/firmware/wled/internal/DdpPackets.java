package org.uploadbridge.firmware.wled.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * DDP (Distributed Display Protocol) packets for one frame of RGB pixels, as WLED receives them on
 * UDP 4048: a 10-byte header (version 1, sequence, RGB 8-bit data type, destination 1, data offset
 * u32 BE, data length u16 BE), then the pixel bytes. A frame larger than one packet is split; only
 * the last packet carries the push flag, so the device shows the frame once it has all of it.
 */
final class DdpPackets {

    static final int HEADER_BYTES = 10;
    /** WLED's packet size: 480 RGB pixels, so a packet never fragments on Ethernet or WiFi. */
    static final int MAX_DATA_BYTES = 1440;
    private static final int VERSION_1 = 0x40;
    private static final int FLAG_PUSH = 0x01;
    /** Data type: RGB, 8 bits per channel (DDP's type 1, size code 3). */
    private static final int TYPE_RGB_8 = 0x0B;
    /** The default output device. */
    private static final int DESTINATION_DISPLAY = 1;

    private DdpPackets() {
    }

    /**
     * The packets of one frame: {@code length} bytes of {@code rgb} from {@code offset}, with
     * sequence {@code sequence} (1..15, so a receiver can tell a frame's packets apart).
     */
    static List<ByteBuffer> frame(byte[] rgb, int offset, int length, int sequence) {
        if (sequence < 1 || sequence > 15) {
            throw new IllegalArgumentException("a DDP sequence number is 1..15, not " + sequence);
        }
        List<ByteBuffer> packets = new ArrayList<>((length + MAX_DATA_BYTES - 1) / MAX_DATA_BYTES);
        for (int sent = 0; sent < length; sent += MAX_DATA_BYTES) {
            int chunk = Math.min(MAX_DATA_BYTES, length - sent);
            boolean last = sent + chunk == length;
            ByteBuffer packet = ByteBuffer.allocate(HEADER_BYTES + chunk);
            packet.put((byte) (VERSION_1 | (last ? FLAG_PUSH : 0)));
            packet.put((byte) sequence);
            packet.put((byte) TYPE_RGB_8);
            packet.put((byte) DESTINATION_DISPLAY);
            packet.putInt(sent);
            packet.putShort((short) chunk);
            packet.put(rgb, offset + sent, chunk);
            packets.add(packet.flip());
        }
        return packets;
    }

    /** The sequence number after {@code sequence}: 1..15, then 1 again. */
    static int next(int sequence) {
        return sequence % 15 + 1;
    }
}
