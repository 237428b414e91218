package org.uploadbridge.validation;

import org.uploadbridge.core.error.ErrorCode;

/**
 * The codes of the validation bundle: {@code UB-V0xx} for patterns, {@code UB-V1xx} for device
 * addresses and scan ranges. Texts live in {@code errors.properties} beside this enum; each code
 * has a section in {@code docs/troubleshooting.md}.
 */
public enum ValidationError implements ErrorCode {

    // Patterns
    LED_COUNT_OUT_OF_RANGE("UB-V001"),
    TOO_MANY_LEDS_FOR_DEVICE("UB-V002"),
    FRAME_COUNT_OUT_OF_RANGE("UB-V003"),
    ZERO_FRAME_DELAY("UB-V004"),
    FRAME_DELAY_TOO_SHORT("UB-V005"),
    PATTERN_TOO_LARGE_FOR_RAM("UB-V006"),
    LOW_MEMORY_HEADROOM("UB-V007"),
    PEAK_CURRENT_OVER_BUDGET("UB-V008"),
    PEAK_CURRENT_HIGH("UB-V009"),
    CURRENT_ESTIMATE("UB-V010"),
    MORE_FINDINGS_NOT_LISTED("UB-V011"),
    PATTERN_LOADER_UNAVAILABLE("UB-V012"),

    // Addresses
    EMPTY_ADDRESS("UB-V101"),
    AMBIGUOUS_IPV4("UB-V102"),
    INVALID_IPV4("UB-V103"),
    INVALID_IPV6("UB-V104"),
    INVALID_HOST_NAME("UB-V105"),
    INVALID_PORT("UB-V106"),
    URL_NOT_ADDRESS("UB-V107"),
    OUTSIDE_LAN("UB-V110"),
    UNSPECIFIED_ADDRESS("UB-V111"),
    MULTICAST_OR_BROADCAST("UB-V112"),
    RESERVED_ADDRESS("UB-V113"),
    RESOLVED_TO_REFUSED_ADDRESS("UB-V114"),
    NOT_RESOLVED("UB-V115"),

    // Scan ranges
    INVALID_RANGE("UB-V120"),
    IPV6_RANGE("UB-V121"),
    RANGE_TOO_LARGE("UB-V122"),
    RANGE_OUTSIDE_LAN("UB-V123"),
    RANGE_NOT_SCANNABLE("UB-V124");

    private final String id;

    ValidationError(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
