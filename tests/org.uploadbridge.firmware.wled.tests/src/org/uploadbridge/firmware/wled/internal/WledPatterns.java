package org.uploadbridge.firmware.wled.internal;

import java.nio.file.Path;
import java.util.Arrays;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.firmware.tck.SimulatorFleet;
import org.uploadbridge.simulator.WledDevice;

/** Patterns for the WLED tests, and waiting for what a simulated WLED device shows. */
final class WledPatterns {

    private static final long DEADLINE_NANOS = 10_000_000_000L;

    private WledPatterns() {
    }

    /** A native pattern whose every frame differs from the others, each shown {@code delayMs}. */
    static Path write(Path file, int leds, int frames, int delayMs) throws UploadBridgeException {
        byte[] rgb = new byte[leds * frames * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 31 + i / (leds * 3) * 7);
        }
        int[] delays = new int[frames];
        Arrays.fill(delays, delayMs);
        NativePatternCodec.write(Pattern.of(leds, delays, rgb, null), file);
        return file;
    }

    static boolean showed(WledDevice device, Path file) {
        return SimulatorFleet.showed(device, file);
    }

    /** Waits until the device recorded at least {@code count} frames. */
    static void awaitFrames(WledDevice device, int count) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (device.frames().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + device.frames().size() + " of " + count + " frames arrived");
            }
            Thread.sleep(10);
        }
    }

    /** Waits until no frame arrived for 50 ms (datagrams sent before a stop are in); returns the frame count. */
    static int awaitQuiet(WledDevice device) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        int seen = -1;
        while (device.frames().size() != seen) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("frames kept arriving after the stream stopped");
            }
            seen = device.frames().size();
            Thread.sleep(50);
        }
        return seen;
    }

    /** Waits until the device answers status with {@code version} (e.g. after a reboot); returns it. */
    static String awaitVersion(DeviceDriver driver, DeviceAddress address, String version) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        String seen = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                seen = driver.status(address).firmwareVersion().orElse("none");
                if (seen.equals(version)) {
                    return seen;
                }
            } catch (UploadBridgeException rebooting) {
                seen = rebooting.code().id();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the device did not come back with " + version + ": last " + seen);
    }
}
