package org.uploadbridge.metrics.internal;

import java.time.Duration;

import org.uploadbridge.metrics.DeviceHealth;

/**
 * One device's fading counts. Every count is decayed to the time of the latest event before it is
 * added to, so an event of age {@code a} weighs {@code 0.5^(a / halfLife)} whenever it is read;
 * this keeps a few numbers per device instead of the events themselves. Thread safe.
 */
final class DeviceStats {

    /** The counts as of {@link #at}, plus the totals; also the shape kept on disk. */
    record Counts(long at, double uploadsOk, double deviceFailures, double networkFailures, double probesAnswered,
            double probesUnanswered, double retries, double breakerOpenings, double bytes, double uploadSeconds,
            long uploadsTotal, long failuresTotal, long retriesTotal, long lastSeen) {

        static Counts empty(long now) {
            return new Counts(now, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, now);
        }

        /** The same counts as seen at {@code now}: each faded by the time since {@link #at}. */
        Counts decayedTo(long now, Duration halfLife) {
            if (now <= at) {
                return this; // a clock that went back does not make old events heavier
            }
            double f = Math.pow(0.5, (now - at) / (double) halfLife.toMillis());
            return new Counts(now, uploadsOk * f, deviceFailures * f, networkFailures * f, probesAnswered * f,
                    probesUnanswered * f, retries * f, breakerOpenings * f, bytes * f, uploadSeconds * f, uploadsTotal,
                    failuresTotal, retriesTotal, lastSeen);
        }

        boolean valid() {
            double[] all = { uploadsOk, deviceFailures, networkFailures, probesAnswered, probesUnanswered, retries,
                    breakerOpenings, bytes, uploadSeconds };
            for (double d : all) {
                if (!Double.isFinite(d) || d < 0) {
                    return false;
                }
            }
            return uploadsTotal >= 0 && failuresTotal >= 0 && failuresTotal <= uploadsTotal && retriesTotal >= 0
                    && at > 0 && lastSeen > 0;
        }
    }

    private final Duration halfLife;
    private Counts counts;
    private String breakerState = DeviceHealth.CLOSED;

    DeviceStats(Counts counts, Duration halfLife) {
        this.counts = counts;
        this.halfLife = halfLife;
    }

    /** An upload that was not sent only tells when the device was last asked for. */
    synchronized void upload(long now, UploadOutcome outcome, Duration took, long bytes) {
        Counts c = counts.decayedTo(now, halfLife);
        if (!outcome.reachedNetwork()) {
            counts = new Counts(c.at(), c.uploadsOk(), c.deviceFailures(), c.networkFailures(), c.probesAnswered(),
                    c.probesUnanswered(), c.retries(), c.breakerOpenings(), c.bytes(), c.uploadSeconds(),
                    c.uploadsTotal(), c.failuresTotal(), c.retriesTotal(), seen(c, now));
            return;
        }
        boolean ok = outcome == UploadOutcome.SUCCESS;
        counts = new Counts(c.at(), c.uploadsOk() + (ok ? 1 : 0),
                c.deviceFailures() + (outcome == UploadOutcome.DEVICE_FAILURE ? 1 : 0),
                c.networkFailures() + (outcome == UploadOutcome.NETWORK_FAILURE ? 1 : 0), c.probesAnswered(),
                c.probesUnanswered(), c.retries(), c.breakerOpenings(), c.bytes() + (ok ? Math.max(0, bytes) : 0),
                c.uploadSeconds() + (ok ? Math.max(0, took.toNanos()) / 1e9 : 0), c.uploadsTotal() + 1,
                c.failuresTotal() + (ok ? 0 : 1), c.retriesTotal(), seen(c, now));
    }

    synchronized void probe(long now, boolean answered) {
        Counts c = counts.decayedTo(now, halfLife);
        counts = new Counts(c.at(), c.uploadsOk(), c.deviceFailures(), c.networkFailures(),
                c.probesAnswered() + (answered ? 1 : 0), c.probesUnanswered() + (answered ? 0 : 1), c.retries(),
                c.breakerOpenings(), c.bytes(), c.uploadSeconds(), c.uploadsTotal(), c.failuresTotal(), c.retriesTotal(),
                seen(c, now));
    }

    synchronized void retry(long now) {
        Counts c = counts.decayedTo(now, halfLife);
        counts = new Counts(c.at(), c.uploadsOk(), c.deviceFailures(), c.networkFailures(), c.probesAnswered(),
                c.probesUnanswered(), c.retries() + 1, c.breakerOpenings(), c.bytes(), c.uploadSeconds(),
                c.uploadsTotal(), c.failuresTotal(), c.retriesTotal() + 1, seen(c, now));
    }

    synchronized void breaker(long now, String to) {
        Counts c = counts.decayedTo(now, halfLife);
        boolean opened = "OPEN".equals(to) && !"OPEN".equals(breakerState);
        breakerState = to;
        counts = new Counts(c.at(), c.uploadsOk(), c.deviceFailures(), c.networkFailures(), c.probesAnswered(),
                c.probesUnanswered(), c.retries(), c.breakerOpenings() + (opened ? 1 : 0), c.bytes(), c.uploadSeconds(),
                c.uploadsTotal(), c.failuresTotal(), c.retriesTotal(), seen(c, now));
    }

    /** The counts faded to {@code now}, for reading. */
    synchronized Counts countsAt(long now) {
        return counts.decayedTo(now, halfLife);
    }

    /** The counts as stored, for saving: fading them first would only lose precision. */
    synchronized Counts stored() {
        return counts;
    }

    synchronized String breakerState() {
        return breakerState;
    }

    synchronized long lastSeen() {
        return counts.lastSeen();
    }

    private static long seen(Counts c, long now) {
        return Math.max(c.lastSeen(), now);
    }
}
