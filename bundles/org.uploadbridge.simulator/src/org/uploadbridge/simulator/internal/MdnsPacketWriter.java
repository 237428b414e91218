package org.uploadbridge.simulator.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an mDNS response (RFC 6762 §18): id 0, QR and AA set, no questions, names compressed
 * against those already in the packet.
 */
final class MdnsPacketWriter {

    /** RFC 6762 §17: a response may be up to 9000 bytes; ours, one device each, stay far below. */
    static final int MAX_PACKET_BYTES = 9000;
    private static final int FLAGS_AUTHORITATIVE_RESPONSE = 0x8400;
    private static final int CLASS_IN = 1;
    private static final int CACHE_FLUSH = 0x8000;
    private static final int MAX_LABEL_BYTES = 63;
    private static final int MAX_TXT_ENTRY_BYTES = 255;
    /** A compression pointer holds 14 bits of offset. */
    private static final int MAX_POINTER_OFFSET = 0x3FFF;

    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET_BYTES);
    /** Lower-case name suffixes already written, to the offset they start at. */
    private final Map<String, Integer> written = new HashMap<>();

    private MdnsPacketWriter() {
    }

    /**
     * A response with {@code answers} and {@code additionals}; with {@code goodbye} every TTL is 0
     * (RFC 6762 §10.1: the records are withdrawn).
     */
    static byte[] response(List<MdnsRecord> answers, List<MdnsRecord> additionals, boolean goodbye) {
        MdnsPacketWriter writer = new MdnsPacketWriter();
        ByteBuffer out = writer.buffer;
        out.putShort((short) 0);
        out.putShort((short) FLAGS_AUTHORITATIVE_RESPONSE);
        out.putShort((short) 0);
        out.putShort((short) answers.size());
        out.putShort((short) 0);
        out.putShort((short) additionals.size());
        for (MdnsRecord record : answers) {
            writer.record(record, goodbye);
        }
        for (MdnsRecord record : additionals) {
            writer.record(record, goodbye);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private void record(MdnsRecord record, boolean goodbye) {
        name(record.name());
        buffer.putShort((short) record.type());
        buffer.putShort((short) (CLASS_IN | (record.unique() ? CACHE_FLUSH : 0)));
        buffer.putInt(goodbye ? 0 : MdnsRecord.TTL_SECONDS);
        int lengthAt = buffer.position();
        buffer.putShort((short) 0);
        switch (record.data()) {
            case MdnsRecord.Ptr ptr -> name(ptr.target());
            case MdnsRecord.Srv srv -> {
                buffer.putShort((short) 0);
                buffer.putShort((short) 0);
                buffer.putShort((short) srv.port());
                name(srv.target());
            }
            case MdnsRecord.Txt txt -> txt(txt.entries());
            case MdnsRecord.A a -> buffer.put(a.address().getAddress());
        }
        buffer.putShort(lengthAt, (short) (buffer.position() - lengthAt - 2));
    }

    /** {@code name} (absolute, trailing dot, no dots inside labels), its longest known suffix as a pointer. */
    private void name(String name) {
        String rest = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        while (!rest.isEmpty()) {
            String key = rest.toLowerCase(Locale.ROOT);
            Integer at = written.get(key);
            if (at != null) {
                buffer.putShort((short) (0xC000 | at));
                return;
            }
            if (buffer.position() <= MAX_POINTER_OFFSET) {
                written.put(key, buffer.position());
            }
            int dot = rest.indexOf('.');
            byte[] label = (dot < 0 ? rest : rest.substring(0, dot)).getBytes(StandardCharsets.UTF_8);
            if (label.length == 0 || label.length > MAX_LABEL_BYTES) {
                throw new IllegalArgumentException("a DNS label has 1.." + MAX_LABEL_BYTES + " bytes: " + name);
            }
            buffer.put((byte) label.length).put(label);
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        buffer.put((byte) 0);
    }

    private void txt(List<String> entries) {
        if (entries.isEmpty()) {
            // RFC 6763 §6.1: an empty TXT record holds one empty string.
            buffer.put((byte) 0);
            return;
        }
        for (String entry : entries) {
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_TXT_ENTRY_BYTES) {
                throw new IllegalArgumentException("a TXT entry has at most " + MAX_TXT_ENTRY_BYTES + " bytes: " + entry);
            }
            buffer.put((byte) bytes.length).put(bytes);
        }
    }
}
