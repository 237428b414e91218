package org.example.firmware.hello.internal;

/**
 * The hello firmware's JSON answers, as records that {@code DeviceHttp.parseJson} fills (unknown
 * fields are ignored, missing ones are null), so the driver needs no JSON library of its own.
 */
final class HelloJson {

    private HelloJson() {
    }

    /** {@code GET /hello/status}: {"firmware":"hello","name":..,"leds":N,"pattern":{...}}. */
    record Status(String firmware, String name, String version, Integer leds, Pattern pattern) {

        /** Only an answer that names our firmware is one of our devices. */
        boolean isHello() {
            return HelloDriver.FIRMWARE_ID.equals(firmware);
        }
    }

    /** The pattern the device plays: {"loaded":true,"leds":8,"frames":6,"bytes":160}. */
    record Pattern(Boolean loaded, Integer leds, Integer frames, Long bytes) {
    }

    /** {@code POST /hello/pattern}: {"ok":true,"message":"..."}. */
    record Result(Boolean ok, String message) {
    }
}
