package org.uploadbridge.metrics.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.testing.OsgiServices;

/** Metrics on a file of the test's own and a clock the test moves. */
final class TestMetrics {

    static final Instant START = Instant.parse("2026-03-01T20:00:00Z");

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private TestMetrics() {
    }

    static MicrometerDeviceMetrics open(Path file, MetricsSettings settings, Clock clock) {
        return new MicrometerDeviceMetrics(file, settings, clock,
                OsgiServices.await(LoggerFactory.class).getLogger(TestMetrics.class));
    }

    static MicrometerDeviceMetrics open(Path file, Clock clock) {
        return open(file, MetricsSettings.defaults(), clock);
    }

    static DeviceAddress device(int n) {
        return new DeviceAddress("127.42.0." + n, 8080);
    }
}
