package org.uploadbridge.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the questions of an mDNS query (RFC 1035 §4.1 with RFC 6762's changes). Names may be
 * compressed (JmDNS and Avahi compress): pointers are followed, backwards only, so a hostile packet
 * cannot loop. Answers, authorities and additionals (known answers) are not read.
 */
final class MdnsQuery {

    /** One question; the name in lower case with the trailing dot, dots inside labels escaped as {@code \.}. */
    record Question(String name, int type) {
    }

    /** A packet that is not a well-formed DNS message. */
    static final class MalformedPacketException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedPacketException(String message) {
            // Expected input from the network, not a bug: no stack trace.
            super(message, null, false, false);
        }
    }

    static final int HEADER_BYTES = 12;
    private static final int FLAG_RESPONSE = 0x8000;
    private static final int CLASS_IN = 1;
    private static final int CLASS_ANY = 255;
    /** The top bit of a question's class asks for a unicast answer (QU); we always answer by multicast. */
    private static final int CLASS_MASK = 0x7FFF;
    private static final int MAX_NAME_BYTES = 255;

    private final byte[] packet;
    private final int length;

    private MdnsQuery(byte[] packet, int length) {
        this.packet = packet;
        this.length = length;
    }

    /**
     * The class-IN (or ANY) questions of a standard query in {@code packet[0..length)}; none for a
     * response or another opcode.
     */
    static List<Question> questions(byte[] packet, int length) throws MalformedPacketException {
        return new MdnsQuery(packet, length).questions();
    }

    private List<Question> questions() throws MalformedPacketException {
        if (length < HEADER_BYTES) {
            throw new MalformedPacketException("shorter than a DNS header: " + length + " bytes");
        }
        int flags = u16(2);
        int opcode = flags >>> 11 & 0xF;
        if ((flags & FLAG_RESPONSE) != 0 || opcode != 0) {
            return List.of();
        }
        int count = u16(4);
        List<Question> questions = new ArrayList<>(count);
        int position = HEADER_BYTES;
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            position = readName(position, name);
            int type = u16(position);
            int questionClass = u16(position + 2) & CLASS_MASK;
            position += 4;
            if (questionClass == CLASS_IN || questionClass == CLASS_ANY) {
                questions.add(new Question(name.toString(), type));
            }
        }
        return questions;
    }

    /** Appends the name at {@code start} to {@code name}; returns the position after it where it starts. */
    private int readName(int start, StringBuilder name) throws MalformedPacketException {
        int position = start;
        int next = -1;
        int bytes = 0;
        while (true) {
            int labelLength = u8(position);
            if (labelLength == 0) {
                break;
            }
            int kind = labelLength & 0xC0;
            if (kind == 0xC0) {
                int target = (labelLength & 0x3F) << 8 | u8(position + 1);
                // Only backwards: every jump goes strictly lower, so the walk ends.
                if (target >= position) {
                    throw new MalformedPacketException("compression pointer forward or to itself at " + position);
                }
                if (next < 0) {
                    next = position + 2;
                }
                position = target;
                continue;
            }
            if (kind != 0) {
                throw new MalformedPacketException("unknown label type 0x" + Integer.toHexString(kind) + " at " + position);
            }
            bytes += labelLength + 1;
            if (bytes > MAX_NAME_BYTES) {
                throw new MalformedPacketException("name longer than " + MAX_NAME_BYTES + " bytes at " + start);
            }
            if (position + 1 + labelLength > length) {
                throw new MalformedPacketException("label runs past the end of the packet at " + position);
            }
            String label = new String(packet, position + 1, labelLength, StandardCharsets.UTF_8);
            name.append(label.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace(".", "\\.")).append('.');
            position += 1 + labelLength;
        }
        if (name.isEmpty()) {
            name.append('.');
        }
        return next >= 0 ? next : position + 1;
    }

    private int u8(int position) throws MalformedPacketException {
        if (position >= length) {
            throw new MalformedPacketException("truncated at " + position + " of " + length + " bytes");
        }
        return packet[position] & 0xFF;
    }

    private int u16(int position) throws MalformedPacketException {
        return u8(position) << 8 | u8(position + 1);
    }
}
