package org.uploadbridge.simulator;

/**
 * The ways a simulated device can misbehave on purpose (see {@link FaultProfile} and
 * {@link SimulatedDevice#failNext(FaultKind, int)}). A request gets at most one fault.
 *
 * <p>Faults that fail a request ({@link #RESET_MID_UPLOAD}, {@link #SERVICE_UNAVAILABLE},
 * {@link #TRUNCATED_JSON}, {@link #INVALID_JSON}, {@link #REBOOT}) keep nothing the request asked
 * for: no pattern, library entry, setting or firmware, so a faulted upload is never in
 * {@link SimulatedDevice#acceptedPatterns()}. {@link #STALL} and {@link #SLOW_DRIP} only slow a
 * request down: it is handled normally.
 */
public enum FaultKind {

    /**
     * Reads about half of the request body, then closes the connection abruptly (TCP reset), nothing
     * answered. Only for requests with a body (uploads and JSON commands).
     */
    RESET_MID_UPLOAD(true),
    /** Reads and drops the body, then answers 503 {@code text/plain} {@code Service Unavailable}, as a rebooting device does. */
    SERVICE_UNAVAILABLE(true),
    /**
     * Holds the request for {@link FaultProfile#stallTime()}, then handles it normally; a client
     * that gives up first never gets an answer. An upload that reached the device whole is accepted
     * even if the client stopped waiting, as on a real slow device.
     */
    STALL(false),
    /**
     * The JSON answer (status code and headers as usual) cut after half of its bytes, with a
     * Content-Length that matches: what a firmware whose JSON buffer is too small sends. Only for
     * requests answered with JSON.
     */
    TRUNCATED_JSON(true),
    /** Garbage (a crash message) instead of the JSON answer, still {@code application/json}. Only for requests answered with JSON. */
    INVALID_JSON(true),
    /** The complete answer, {@link FaultProfile#dripChunkBytes()} bytes at a time with {@link FaultProfile#dripPause()} between. */
    SLOW_DRIP(false),
    /**
     * The request's connection is reset, then the device reboots: connection refused for its
     * profile's {@link DeviceProfile#rebootTime()}, and it comes back without the pattern in RAM.
     */
    REBOOT(false);

    private final boolean transientFailure;

    FaultKind(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /**
     * Whether it fails only the request it hits, so that the next one may pass at once. The others
     * cost time ({@link #STALL}, {@link #SLOW_DRIP}) or take the device away for a while
     * ({@link #REBOOT}); {@link FaultProfile#flaky(double, long)} leaves them out.
     */
    public boolean isTransient() {
        return transientFailure;
    }

    /** Whether it applies only to requests that carry a body. */
    public boolean needsRequestBody() {
        return this == RESET_MID_UPLOAD;
    }

    /** Whether it applies only to requests the device answers with JSON. */
    public boolean needsJsonAnswer() {
        return this == TRUNCATED_JSON || this == INVALID_JSON;
    }
}
