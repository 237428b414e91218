package org.uploadbridge.simulator.internal;

import java.net.Inet4Address;
import java.util.List;

/**
 * One DNS resource record a simulated device answers with (class IN).
 *
 * @param name its owner name, absolute with the trailing dot
 * @param unique whether it belongs to one host only: sent with the cache-flush bit (RFC 6762 §10.2);
 *     PTRs are shared, SRV, TXT and A are unique
 * @param data what it says
 */
record MdnsRecord(String name, boolean unique, Data data) {

    static final int TYPE_A = 1;
    static final int TYPE_PTR = 12;
    static final int TYPE_TXT = 16;
    static final int TYPE_AAAA = 28;
    static final int TYPE_SRV = 33;
    static final int TYPE_ANY = 255;
    /** RFC 6762 §10: 120 s for records naming a host (A, SRV) and, for simplicity, for the others too. */
    static final int TTL_SECONDS = 120;

    /** The record data of each type we send. */
    sealed interface Data permits Ptr, Srv, Txt, A {
    }

    record Ptr(String target) implements Data {
    }

    /** Priority and weight are always 0: one host per instance. */
    record Srv(int port, String target) implements Data {
    }

    /** {@code key=value} strings, each at most 255 bytes of UTF-8. */
    record Txt(List<String> entries) implements Data {
    }

    record A(Inet4Address address) implements Data {
    }

    static MdnsRecord ptr(String name, String target) {
        return new MdnsRecord(name, false, new Ptr(target));
    }

    static MdnsRecord srv(String name, int port, String target) {
        return new MdnsRecord(name, true, new Srv(port, target));
    }

    static MdnsRecord txt(String name, List<String> entries) {
        return new MdnsRecord(name, true, new Txt(List.copyOf(entries)));
    }

    static MdnsRecord a(String name, Inet4Address address) {
        return new MdnsRecord(name, true, new A(address));
    }

    int type() {
        return switch (data) {
            case Ptr p -> TYPE_PTR;
            case Srv s -> TYPE_SRV;
            case Txt t -> TYPE_TXT;
            case A a -> TYPE_A;
        };
    }

    /** Whether it answers a question for {@code questionName} (lower case) of {@code questionType}. */
    boolean answers(String questionName, int questionType) {
        return (questionType == TYPE_ANY || questionType == type()) && name.equalsIgnoreCase(questionName);
    }
}
