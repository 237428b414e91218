package org.uploadbridge.metrics.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.uploadbridge.core.device.DeviceError;

/**
 * What an upload's error code says about the device. Only the device layer's codes ({@code UB-D})
 * are about the device; pattern, validation, quota, breaker or licence refusals stopped the upload
 * before it reached the network, so they count in the registry but not in the device's health.
 */
enum UploadOutcome {
    /** The device took the pattern. */
    SUCCESS,
    /** The device answered but the upload failed (refused, out of memory, not confirmed ...). */
    DEVICE_FAILURE,
    /** The device did not answer: not reachable, or not in time. */
    NETWORK_FAILURE,
    /** Nothing reached the device. */
    NOT_SENT;

    private static final Pattern CATALOGUED = Pattern.compile("UB-[A-Z]\\d{3}");
    private static final Set<String> NO_ANSWER = Set.of(DeviceError.UNREACHABLE.id(), DeviceError.TIMED_OUT.id());
    private static final Set<String> NOT_SENT_BY_DEVICE_LAYER = Set.of(DeviceError.CANCELLED.id(),
            DeviceError.PATTERN_DOES_NOT_FIT.id(), DeviceError.MDNS_UNAVAILABLE.id());

    static UploadOutcome of(Optional<String> errorCode) {
        if (errorCode.isEmpty()) {
            return SUCCESS;
        }
        String code = errorCode.get();
        if (NO_ANSWER.contains(code)) {
            return NETWORK_FAILURE;
        }
        if (!code.startsWith("UB-D") || NOT_SENT_BY_DEVICE_LAYER.contains(code)) {
            return NOT_SENT;
        }
        return DEVICE_FAILURE;
    }

    boolean reachedNetwork() {
        return this != NOT_SENT;
    }

    /** The registry's tag value: a catalogued code as it is, anything else "other" (tags must stay few). */
    static String errorTag(Optional<String> errorCode) {
        return errorCode.map(code -> CATALOGUED.matcher(code).matches() ? code : "other").orElse("none");
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
