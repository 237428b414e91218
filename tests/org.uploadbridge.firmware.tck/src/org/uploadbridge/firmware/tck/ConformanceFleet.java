package org.uploadbridge.firmware.tck;

import java.util.List;

/** Simulated devices on loopback that the kit stops after each test. */
public interface ConformanceFleet extends AutoCloseable {

    List<ConformanceDevice> devices();

    /** Stops every device and frees its address; idempotent. */
    @Override
    void close();
}
