package org.uploadbridge.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uploadbridge.logging.Redaction;

class RedactionTest {

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("login password=hunter2 ok", "login password=*** ok"),
                Arguments.of("PASSWORD=Hunter2", "PASSWORD=***"),
                Arguments.of("{\"user\":\"admin\",\"password\":\"s3cr\\\"et\"}", "{\"user\":\"admin\",\"password\":\"***\"}"),
                Arguments.of("{\"pin\":\"1234\"}", "{\"pin\":\"***\"}"),
                Arguments.of("{\"pin\": 1234, \"name\":\"Stage\"}", "{\"pin\": ***, \"name\":\"Stage\"}"),
                Arguments.of("pin=1234", "pin=***"),
                Arguments.of("PIN: 9876", "PIN: ***"),
                Arguments.of("POST /settings?ssid=Home&wifiPassword=abc123&x=1", "POST /settings?ssid=Home&wifiPassword=***&x=1"),
                Arguments.of("user=admin&pass_word=x&password='p w'", "user=admin&pass_word=x&password='***'"),
                Arguments.of("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic ***"),
                Arguments.of("authorization=Bearer eyJhbGciOi.abc", "authorization=Bearer ***"),
                Arguments.of("{\"Authorization\":\"Basic dXNlcjpwYXNz\"}", "{\"Authorization\":\"Basic ***\"}"),
                Arguments.of("api key: 9f8e7d6c5b4a39281706", "api key: ***"),
                Arguments.of("X-Api-Key: abcdef", "X-Api-Key: ***"),
                Arguments.of("apiKey=abc", "apiKey=***"),
                Arguments.of("{\"apiKey\":\"xyz\"}", "{\"apiKey\":\"***\"}"),
                Arguments.of("licence ABCD1234EFGH5678IJKL accepted", "licence *** accepted"),
                Arguments.of("License key: 0123456789abcdef0123456789abcdef", "License key: ***"),
                Arguments.of("{\"licenseKey\":\"QUJDREVGMTIzNDU2Nzg5MA==\"}", "{\"licenseKey\":\"***\"}"),
                Arguments.of("key=0123456789ABCDEF0123", "key=***"),
                Arguments.of("licence=AB12", "licence=***"),
                Arguments.of("http://admin:hunter2@192.168.1.20/upload", "http://admin:***@192.168.1.20/upload"),
                Arguments.of("Device[name=Stage, password=pw1, pin=4321]", "Device[name=Stage, password=***, pin=***]"),
                Arguments.of("token=abc&next=1", "token=***&next=1"));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void masksSecrets(String text, String expected) {
        assertEquals(expected, Redaction.redact(text));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void isIdempotent(String text, String expected) {
        assertEquals(expected, Redaction.redact(Redaction.redact(text)));
    }

    static Stream<String> normalText() {
        return Stream.of(
                "GPIO pin 13 drives the strip",
                "Uploaded pattern.bin (1234 bytes) to 192.168.1.20 in 2.3 s",
                "key=brightness value=128",
                "The licence is valid until 2026",
                "tokens: 5 spent",
                "mapping key frames",
                "Open https://example.com/docs?page=2",
                "spinning up 4 workers",
                "password reset requested",
                "UB-R001 circuit open for 192.168.1.20 (5 failures)",
                "");
    }

    @ParameterizedTest
    @MethodSource("normalText")
    void leavesNormalTextIntact(String text) {
        assertEquals(text, Redaction.redact(text));
    }

    @Test
    void nullStaysNull() {
        assertNull(Redaction.redact(null));
    }
}
