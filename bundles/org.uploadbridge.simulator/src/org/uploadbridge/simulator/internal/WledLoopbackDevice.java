package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.uploadbridge.simulator.DdpFrame;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceStatus;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledSettings;

/** A loopback device running WLED: its HTTP routes are WLED's, and it has a DDP receiver on UDP. */
final class WledLoopbackDevice extends LoopbackDevice implements WledDevice {

    private final DdpReceiver ddp;
    private volatile InetSocketAddress ddpAddress;

    WledLoopbackDevice(String name, int index, DeviceProfile profile, InetSocketAddress address, DeviceNetwork network) {
        super(name, index, profile, address, network);
        WledSettings settings = profile.wled();
        this.ddp = new DdpReceiver(name, settings.ledCount(), settings.maxFrames(), this::isOnline);
        this.ddpAddress = new InetSocketAddress(address.getAddress(), settings.ddpPort());
    }

    /** Binds the DDP port on the device's address; once, for the fleet's life. */
    void openDdp() throws IOException {
        ddpAddress = ddp.open(ddpAddress);
    }

    void closeDdp() {
        ddp.close();
    }

    WledMemory wled() {
        return memory().wled();
    }

    @Override
    public InetSocketAddress ddpAddress() {
        return ddpAddress;
    }

    @Override
    public List<DdpFrame> frames() {
        return ddp.frames();
    }

    @Override
    public long droppedFrames() {
        return ddp.dropped();
    }

    @Override
    public long ignoredPackets() {
        return ddp.ignored();
    }

    @Override
    public void clearFrames() {
        ddp.clearFrames();
    }

    @Override
    public boolean isOn() {
        return wled().on();
    }

    @Override
    public int brightness() {
        return wled().brightness();
    }

    @Override
    public Map<String, byte[]> files() {
        return wled().files();
    }

    /** Also forgets the recorded frames. */
    @Override
    public void reset() {
        super.reset();
        ddp.clearFrames();
    }

    /** The classic snapshot with WLED's brightness (no pattern: WLED plays effects, not files). */
    @Override
    public DeviceStatus status() {
        DeviceStatus classic = super.status();
        return new DeviceStatus(false, profile().wled().ledCount(), 0, 0, classic.wifiMode(), classic.ssid(), classic.ip(),
                classic.firmwareVersion(), wled().brightness(), classic.online());
    }
}
