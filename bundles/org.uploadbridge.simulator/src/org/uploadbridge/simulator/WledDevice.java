package org.uploadbridge.simulator;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A simulated device running WLED ({@link Firmware#WLED}): every device of such a fleet is one,
 * e.g. {@code (WledDevice) fleet.device(0)}. All methods are thread-safe.
 */
public interface WledDevice extends SimulatedDevice {

    /** Where its DDP receiver listens: its own address, the profile's DDP port (resolved if 0). */
    InetSocketAddress ddpAddress();

    /** The frames DDP pushed, oldest first; at most {@link WledSettings#maxFrames()} are kept. */
    List<DdpFrame> frames();

    /** Frames dropped because more than {@link WledSettings#maxFrames()} arrived. */
    long droppedFrames();

    /** DDP packets received and ignored: not version 1, truncated, not pixel data, or while stopped or rebooting. */
    long ignoredPackets();

    /** Forgets the recorded frames (not the pixels the strip shows). */
    void clearFrames();

    /** {@code state.on}. */
    boolean isOn();

    /** {@code state.bri}, 0..255. */
    int brightness();

    /** The files in its file system by path (e.g. {@code /cfg.json}), with a copy of their content. */
    Map<String, byte[]> files();
}
