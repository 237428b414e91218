package org.uploadbridge.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The two halves of the responder's DNS: reading (compressed) questions, writing responses. */
class MdnsCodecTest {

    @Test
    void compressedQuestionsAreReadWithTheirTypes() throws Exception {
        Packet query = new Packet().header(0, 0, 3);
        int serviceAt = query.position();
        query.name("_http", "_tcp", "local").u16(12).u16(1);
        // "sim-1" + pointer to "_http._tcp.local", asking SRV with the unicast-response bit.
        query.label("SIM-1").pointer(serviceAt).u16(33).u16(0x8001);
        // "sim-1" + pointer to "local" inside the first name.
        query.label("sim-1").pointer(serviceAt + 11).u16(1).u16(1);

        List<MdnsQuery.Question> questions = MdnsQuery.questions(query.bytes(), query.position());

        assertEquals(List.of(new MdnsQuery.Question("_http._tcp.local.", 12),
                new MdnsQuery.Question("sim-1._http._tcp.local.", 33), new MdnsQuery.Question("sim-1.local.", 1)),
                questions);
    }

    @Test
    void responsesAndOtherOpcodesAskNothing() throws Exception {
        Packet response = new Packet().header(0x8400, 0, 1).name("local").u16(1).u16(1);
        Packet update = new Packet().header(5 << 11, 0, 1).name("local").u16(1).u16(1);

        assertEquals(List.of(), MdnsQuery.questions(response.bytes(), response.position()));
        assertEquals(List.of(), MdnsQuery.questions(update.bytes(), update.position()));
    }

    @Test
    void aLabelWithADotNeverMatchesTwoLabels() throws Exception {
        Packet query = new Packet().header(0, 0, 1).name("sim-1.local").u16(1).u16(1);

        assertEquals("sim-1\\.local.", MdnsQuery.questions(query.bytes(), query.position()).get(0).name());
    }

    @Test
    void malformedPacketsAreRefusedWithoutLooping() {
        Packet loop = new Packet().header(0, 0, 1);
        loop.pointer(loop.position()).u16(1).u16(1);
        Packet truncated = new Packet().header(0, 0, 1);
        truncated.u8(10).u8('a');
        Packet tooManyQuestions = new Packet().header(0, 0, 2).name("local").u16(1).u16(1);

        for (Packet packet : List.of(loop, truncated, tooManyQuestions, new Packet())) {
            assertThrows(MdnsQuery.MalformedPacketException.class,
                    () -> MdnsQuery.questions(packet.bytes(), Math.max(packet.position(), 4)));
        }
    }

    @Test
    void aResponseIsAuthoritativeWithId0CompressedAndFlagsUniqueRecords() throws Exception {
        Inet4Address address = (Inet4Address) InetAddress.getByName("127.42.0.7");
        List<MdnsRecord> answers = List.of(MdnsRecord.ptr("_http._tcp.local.", "sim-7._http._tcp.local."));
        List<MdnsRecord> additionals = List.of(MdnsRecord.srv("sim-7._http._tcp.local.", 8080, "sim-7.local."),
                MdnsRecord.txt("sim-7._http._tcp.local.", List.of("mac=02:2a:00:07:1f:90")),
                MdnsRecord.a("sim-7.local.", address));

        ByteBuffer packet = ByteBuffer.wrap(MdnsPacketWriter.response(answers, additionals, false));

        assertEquals(0, packet.getShort(0));
        assertEquals(0x8400, packet.getShort(2) & 0xFFFF);
        assertEquals(List.of(0, 1, 0, 3), List.of((int) packet.getShort(4), (int) packet.getShort(6),
                (int) packet.getShort(8), (int) packet.getShort(10)));
        String text = new String(packet.array(), StandardCharsets.ISO_8859_1);
        assertEquals(1, count(text, "_http"), "the service type is written once, then pointed to");
        assertEquals(1, count(text, "local"));
        assertTrue(text.contains("mac=02:2a:00:07:1f:90"));
        // The A record closes the packet: cache-flush IN, TTL 120, 4 bytes of address.
        int a = packet.limit() - 14;
        assertEquals(List.of(1, 0x8001, 120, 4), List.of((int) packet.getShort(a), packet.getShort(a + 2) & 0xFFFF,
                packet.getInt(a + 4), (int) packet.getShort(a + 8)));
        assertEquals(address, InetAddress.getByAddress(new byte[] { packet.get(a + 10), packet.get(a + 11),
                packet.get(a + 12), packet.get(a + 13) }));
    }

    @Test
    void aGoodbyeHasTtl0() {
        ByteBuffer packet = ByteBuffer.wrap(MdnsPacketWriter.response(
                List.of(MdnsRecord.a("sim-7.local.", (Inet4Address) InetAddress.getLoopbackAddress())), List.of(), true));

        assertEquals(0, packet.getInt(packet.limit() - 10));
    }

    private static int count(String text, String part) {
        return text.split(part, -1).length - 1;
    }

    /** A DNS packet written by hand, byte by byte. */
    private static final class Packet {
        private final ByteBuffer buffer = ByteBuffer.allocate(512);

        Packet header(int flags, int answers, int questions) {
            return u16(0).u16(flags).u16(questions).u16(answers).u16(0).u16(0);
        }

        Packet name(String... labels) {
            for (String label : labels) {
                label(label);
            }
            return u8(0);
        }

        Packet label(String label) {
            byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
            u8(bytes.length);
            buffer.put(bytes);
            return this;
        }

        Packet pointer(int offset) {
            return u16(0xC000 | offset);
        }

        Packet u8(int value) {
            buffer.put((byte) value);
            return this;
        }

        Packet u16(int value) {
            buffer.putShort((short) value);
            return this;
        }

        int position() {
            return buffer.position();
        }

        byte[] bytes() {
            return buffer.array();
        }
    }
}
