package org.uploadbridge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.simulator.DdpFrame;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedFleet;
import org.uploadbridge.simulator.WledDevice;
import org.uploadbridge.simulator.WledRelease;
import org.uploadbridge.simulator.WledSettings;
import org.uploadbridge.testing.OsgiServices;

/**
 * Live streaming of a 1,000-LED pattern over DDP to a simulated WLED, timed by the frames the
 * device received: achieved frames per second against the pattern's nominal rate, and how far each
 * frame interval strays from the nominal one (p50, p99, max). Baseline in the same run: the same
 * packets paced the simple way, by sleeping the frame delay after each frame. Goal (issue 6): at
 * least 40 fps held, p99 jitter under 5 ms. Not a timed test: it asserts only that every frame
 * arrived whole and in order; the figures are for people.
 */
class DdpStreamBenchmark {

    private static final int LEDS = 1_000;
    private static final int FRAMES = 50;

    @Test
    void streamingHoldsThePatternsRate(@TempDir Path dir) throws Exception {
        int seconds = Integer.getInteger("benchmark.ddp.seconds", 3);
        DeviceDriver wled = OsgiServices.await(DeviceDriver.class, "(component.name=org.uploadbridge.firmware.wled.internal.WledDriver)");
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "DDP streaming: %,d LEDs (3 packets a frame) to a simulated WLED on loopback, %d s per run%n", LEDS, seconds));
        warmUp(wled, dir);
        for (int fps : new int[] { 40, 50, 60 }) {
            int delayMs = 1000 / fps;
            Path file = dir.resolve("stream-" + fps + ".bin");
            Pattern pattern = pattern(delayMs);
            NativePatternCodec.write(pattern, file);
            Run ours = run(seconds, streamed(wled, file, seconds));
            checkOrder(ours.frames(), pattern);
            Run naive = run(seconds, device -> sleepPaced(device.ddpAddress(), pattern, seconds));
            text.append(String.format(Locale.ROOT, "  nominal %d fps (%d ms): %s%n", 1000 / delayMs, delayMs, ours.describe(delayMs)));
            text.append(String.format(Locale.ROOT, "    baseline, sleep after each frame: %s%n", naive.describe(delayMs)));
            text.append(String.format(Locale.ROOT, "    ratio: %.2fx the nominal rate (baseline %.2fx); p99 jitter %.2fx the baseline's%n",
                    ours.fps() / (1000.0 / delayMs), naive.fps() / (1000.0 / delayMs), ours.jitterMs(0.99, delayMs) / naive.jitterMs(0.99, delayMs)));
        }
        Figures.report("ddp-streaming", text.toString());
    }

    /** Both senders and the receiver once, unmeasured: the first stream of a JVM runs partly interpreted. */
    private static void warmUp(DeviceDriver wled, Path dir) throws Exception {
        Path file = dir.resolve("warm-up.bin");
        Pattern pattern = pattern(20);
        NativePatternCodec.write(pattern, file);
        run(2, streamed(wled, file, 2));
        run(2, device -> sleepPaced(device.ddpAddress(), pattern, 2));
    }

    /** The product's way: the WLED driver streams the file for {@code seconds}. */
    private static Streamer streamed(DeviceDriver wled, Path file, int seconds) {
        return device -> {
            DeviceAddress address = new DeviceAddress(device.address().getAddress().getHostAddress(), device.address().getPort());
            wled.upload(address, file, TransferProgress.NONE);
            Thread.sleep(seconds * 1000L);
            wled.stopStream(address);
        };
    }

    @FunctionalInterface
    private interface Streamer {
        void stream(WledDevice device) throws Exception;
    }

    /** One stream to a fresh device; the frames it recorded. */
    private static Run run(int seconds, Streamer streamer) throws Exception {
        WledSettings settings = WledSettings.of(WledRelease.V0_15_0).withLedCount(LEDS).withMaxFrames(Math.max(1_000, seconds * 100));
        try (SimulatedFleet fleet = OsgiServices.await(DeviceSimulator.class)
                .start(FleetSpec.of(1, DeviceProfile.wled(settings)).withFirstAddress("127.44.9.1").withPort(0))) {
            WledDevice device = (WledDevice) fleet.devices().get(0);
            streamer.stream(device);
            Thread.sleep(100); // the last datagrams in
            assertEquals(0, device.droppedFrames(), "the device kept every frame");
            return new Run(device.frames());
        }
    }

    /** Frames whole and in the pattern's order, looping. */
    private static void checkOrder(List<DdpFrame> frames, Pattern pattern) {
        assertTrue(frames.size() > FRAMES, "more than one loop: " + frames.size());
        byte[] expected = new byte[LEDS * 3];
        for (int i = 0; i < frames.size(); i++) {
            pattern.copyFrame(i % FRAMES, expected, 0);
            assertArrayEquals(expected, frames.get(i).rgb(), "frame " + i);
            assertEquals(3, frames.get(i).packets());
        }
    }

    /** The simple way: send a frame, sleep its delay (so each interval is the delay plus the sending and the oversleep). */
    private static void sleepPaced(InetSocketAddress target, Pattern pattern, int seconds) throws Exception {
        byte[] rgb = new byte[LEDS * 3];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.connect(target);
            for (int shown = 0, sequence = 1; System.nanoTime() < end; shown++, sequence = sequence % 15 + 1) {
                pattern.copyFrame(shown % FRAMES, rgb, 0);
                for (int offset = 0; offset < rgb.length; offset += 1440) {
                    int length = Math.min(1440, rgb.length - offset);
                    ByteBuffer packet = ByteBuffer.allocate(10 + length);
                    packet.put((byte) (0x40 | (offset + length == rgb.length ? 1 : 0))).put((byte) sequence).put((byte) 0x0B)
                            .put((byte) 1).putInt(offset).putShort((short) length).put(rgb, offset, length);
                    channel.write(packet.flip());
                }
                Thread.sleep(pattern.frameDelayMs(shown % FRAMES));
            }
        }
    }

    private static Pattern pattern(int delayMs) {
        byte[] rgb = new byte[LEDS * 3 * FRAMES];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i / 3 + i / (LEDS * 3));
        }
        int[] delays = new int[FRAMES];
        Arrays.fill(delays, delayMs);
        return Pattern.of(LEDS, delays, rgb, null);
    }

    /** The frames one run recorded, by their receive times. */
    private record Run(List<DdpFrame> frames) {

        double fps() {
            long span = frames.getLast().receivedNanos() - frames.getFirst().receivedNanos();
            return (frames.size() - 1) * 1e9 / span;
        }

        /** The {@code quantile} of |interval - nominal|, in milliseconds. */
        double jitterMs(double quantile, int delayMs) {
            double[] off = new double[frames.size() - 1];
            for (int i = 1; i < frames.size(); i++) {
                off[i - 1] = Math.abs((frames.get(i).receivedNanos() - frames.get(i - 1).receivedNanos()) / 1e6 - delayMs);
            }
            Arrays.sort(off);
            return off[Math.min(off.length - 1, (int) Math.ceil(quantile * off.length) - 1)];
        }

        String describe(int delayMs) {
            return String.format(Locale.ROOT, "%,d frames, %.2f fps; jitter p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                    frames.size(), fps(), jitterMs(0.5, delayMs), jitterMs(0.99, delayMs), jitterMs(1.0, delayMs));
        }
    }
}
