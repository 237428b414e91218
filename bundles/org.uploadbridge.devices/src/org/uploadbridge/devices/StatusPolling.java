package org.uploadbridge.devices;

import java.time.Duration;
import java.util.function.Consumer;

import org.uploadbridge.core.device.DeviceAddress;

/**
 * Asks watched devices for their status over and over (a DS service): every
 * {@link #ONLINE_INTERVAL} while a device answers, backing off from {@link #FIRST_RETRY} to
 * {@link #MAX_RETRY} while it does not, so a dead device costs the network next to nothing.
 */
public interface StatusPolling {

    Duration ONLINE_INTERVAL = Duration.ofSeconds(10);
    Duration FIRST_RETRY = Duration.ofSeconds(5);
    Duration MAX_RETRY = Duration.ofMinutes(2);

    /** Starts polling {@code address}; {@code onResult} hears each answer or failure. Close to stop. */
    Watch watch(DeviceAddress address, Consumer<PollResult> onResult);

    /** Stops the polling of one device. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
