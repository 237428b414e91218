package org.uploadbridge.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uploadbridge.simulator.AcceptedPattern;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.FleetSpec;
import org.uploadbridge.simulator.SimulatedDevice;
import org.uploadbridge.simulator.tests.DeviceClient.Answer;
import org.uploadbridge.testing.RepositoryFiles;

/** The classic firmware's own protocol (device-protocols.md §2), answer by answer, to the character. */
class ClassicProtocolTest extends SimulatedDeviceTestBase {

    private static final int PORT = 18441;
    private static final String NO_PATTERN_STATUS = "{\"status\":\"No Pattern\",\"pattern_loaded\":false,\"num_leds\":0,"
            + "\"num_frames\":0,\"pattern_size\":0,\"wifi_mode\":\"AP\",\"ssid\":\"UploadBridge\",\"ip\":\"127.42.10.1\"}";

    private SimulatedDevice start(DeviceProfile profile) {
        fleet = simulator.start(FleetSpec.of(1, profile).withFirstAddress("127.42.10.1").withPort(PORT));
        return fleet.device(0);
    }

    @Test
    void statusBeforeAnyUploadReportsNoPatternWithTheExactFields() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        Answer status = client.get(device, "/api/status");

        assertEquals(200, status.status());
        assertEquals(Optional.of("application/json"), status.contentType());
        assertEquals(NO_PATTERN_STATUS, status.body());
    }

    @Test
    void aRealSampleIsAcceptedAndRecordedWithTheSha256OfItsBytes() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());
        byte[] sample = Files.readAllBytes(RepositoryFiles.sample("meteor_curtain.bin"));
        int leds = (sample[0] & 0xFF) | (sample[1] & 0xFF) << 8;
        int frames = (sample[2] & 0xFF) | (sample[3] & 0xFF) << 8;

        Answer upload = client.upload(device, "meteor_curtain.bin", sample);

        assertEquals(200, upload.status());
        String expected = "{\"success\":true,\"message\":\"Pattern loaded: " + leds + " LEDs \u00D7 " + frames
                + " frames (" + sample.length + " bytes)\"}";
        assertEquals(expected, upload.body());
        // The × travels as UTF-8 (C3 97), not as a '?' or Latin-1 D7.
        assertTrue(indexOf(upload.bytes(), new byte[] { (byte) 0xC3, (byte) 0x97 }) > 0, upload.body());
        List<AcceptedPattern> accepted = device.acceptedPatterns();
        assertEquals(1, accepted.size());
        AcceptedPattern pattern = accepted.get(0);
        assertEquals("meteor_curtain.bin", pattern.fileName());
        assertEquals(sample.length, pattern.size());
        assertEquals(leds, pattern.leds());
        assertEquals(frames, pattern.frames());
        assertEquals(NativePatterns.sha256(sample), pattern.sha256());
    }

    @Test
    void statusAfterAnUploadDescribesTheLoadedPattern() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());
        byte[] pattern = NativePatterns.of(10, 5);

        assertEquals(200, client.upload(device, "strip.dat", pattern).status());
        Answer status = client.get(device, "/api/status");

        assertEquals("{\"status\":\"Pattern Loaded\",\"pattern_loaded\":true,\"num_leds\":10,\"num_frames\":5,"
                + "\"pattern_size\":" + pattern.length + ",\"wifi_mode\":\"AP\",\"ssid\":\"UploadBridge\","
                + "\"ip\":\"127.42.10.1\"}", status.body());
        assertTrue(device.status().patternLoaded());
        assertEquals(pattern.length, device.status().patternSize());
    }

    static Stream<Arguments> rejectedUploads() {
        return Stream.of(
                Arguments.of("bad extension", "pattern.txt", NativePatterns.of(2, 1), 400,
                        "Invalid file format. Use .bin, .hex, or .dat files."),
                Arguments.of("extension only in the middle", "pattern.bin.txt", NativePatterns.of(2, 1), 400,
                        "Invalid file format. Use .bin, .hex, or .dat files."),
                Arguments.of("no extension", "pattern", NativePatterns.of(2, 1), 400,
                        "Invalid file format. Use .bin, .hex, or .dat files."),
                Arguments.of("empty", "empty.bin", new byte[0], 400, "Pattern file too small"),
                Arguments.of("three bytes", "tiny.bin", new byte[] { 1, 0, 1 }, 400, "Pattern file too small"),
                Arguments.of("LED count 0", "zero.bin", NativePatterns.header(0, 1, 2), 400, "Invalid LED count: 0"),
                Arguments.of("LED count over MAX_LEDS", "wide.bin", NativePatterns.header(1001, 1, 3005), 400,
                        "Invalid LED count: 1001"),
                Arguments.of("LED count 65535", "huge.bin", NativePatterns.header(65535, 1, 0), 400,
                        "Invalid LED count: 65535"),
                Arguments.of("frame count 0", "still.bin", NativePatterns.header(3, 0, 11), 400, "Invalid frame count: 0"),
                Arguments.of("one byte too many", "long.bin", append(NativePatterns.of(4, 2), (byte) 0), 400,
                        "Pattern size mismatch. Expected: 32, Got: 33"),
                Arguments.of("header only", "short.bin", NativePatterns.header(4, 2, 0), 400,
                        "Pattern size mismatch. Expected: 32, Got: 4"),
                Arguments.of("larger than the ESP8266's free heap", "big.bin", NativePatterns.of(1000, 15), 500,
                        "Failed to allocate memory for pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedUploads")
    void theDeviceRefusesWithItsOwnStatusAndMessage(String why, String fileName, byte[] content, int status, String message)
            throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        Answer answer = client.upload(device, fileName, content);

        assertEquals(status, answer.status(), answer.body());
        assertEquals(Optional.of("application/json"), answer.contentType());
        assertEquals("{\"success\":false,\"message\":\"" + message + "\"}", answer.body());
        assertEquals(List.of(), device.acceptedPatterns());
        assertEquals(NO_PATTERN_STATUS, client.get(device, "/api/status").body());
    }

    @Test
    void theAllocationLimitIsTheFreeHeapToTheByte() throws IOException {
        // 45,000 bytes free: 4 + 28 x (2 + 3 x 535) = 45,000 fits, one LED more (45,084) does not.
        SimulatedDevice device = start(DeviceProfile.esp8266());
        byte[] fits = NativePatterns.of(535, 28);
        assertEquals(45_000, fits.length);

        assertEquals(200, client.upload(device, "fits.bin", fits).status());
        assertEquals(500, client.upload(device, "over.bin", NativePatterns.of(536, 28)).status());
    }

    @Test
    void aRefusedUploadLeavesThePreviousPatternPlaying() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());
        assertEquals(200, client.upload(device, "first.bin", NativePatterns.of(8, 6)).status());
        String before = client.get(device, "/api/status").body();

        assertEquals(400, client.upload(device, "second.bin", NativePatterns.header(0, 1, 0)).status());

        assertEquals(before, client.get(device, "/api/status").body());
        assertEquals(1, device.acceptedPatterns().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "PATTERN.BIN", "p.Hex", "p.DAT", "p.dat" })
    void extensionsAreCheckedWithoutRegardToCase(String fileName) throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        assertEquals(200, client.upload(device, fileName, NativePatterns.of(3, 3)).status());
    }

    @Test
    void aBodyWithoutAFilePartIsRefused() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        Answer answer = client.post(device, "/api/upload", new DeviceClient.Form().field("name", "x.bin"));

        assertEquals(400, answer.status());
        assertEquals("{\"success\":false,\"message\":\"No file uploaded\"}", answer.body());
    }

    @Test
    void aBodyFarBeyondTheHeapIsDrainedAndAnsweredAsAnAllocationFailure() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());
        // More than free heap + 4 MB of slack: the device stops keeping it and answers as out of memory.
        byte[] enormous = new byte[45_000 + (4 << 20) + 1024];

        Answer answer = client.upload(device, "enormous.bin", enormous);

        assertEquals(500, answer.status());
        assertEquals("{\"success\":false,\"message\":\"Failed to allocate memory for pattern\"}", answer.body());
        assertEquals(200, client.get(device, "/api/status").status());
    }

    @Test
    void anEndlessUploadIsCutOffWithoutExhaustingMemoryAndTheDeviceLivesOn() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());
        DeviceClient.Form form = new DeviceClient.Form().file("file", "endless.bin", new byte[0]);
        // 80 MB of zeros after a part header, chunked: more than the device ever reads.
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(form.bytes()), new Zeros(80L << 20));

        try {
            Answer answer = client.postStreaming(device, "/api/upload", form.contentType(), body);
            assertEquals(500, answer.status());
            assertEquals("{\"success\":false,\"message\":\"Failed to allocate memory for pattern\"}", answer.body());
        } catch (IOException e) {
            // Also what a device does: it answers and closes while the client is still sending.
        }

        assertEquals(200, client.get(device, "/api/status").status());
        assertEquals(List.of(), device.acceptedPatterns());
    }

    @Test
    void theRootServesTheDevicesOwnPage() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        Answer page = client.get(device, "/");

        assertEquals(200, page.status());
        assertEquals(Optional.of("text/html"), page.contentType());
        assertTrue(page.body().contains("<form") && page.body().contains("/api/upload"), page.body());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        Answer unknown = client.get(device, "/api/nothing");
        Answer getUpload = client.get(device, "/api/upload");
        Answer postStatus = client.postJson(device, "/api/status", "{}");

        assertEquals(404, unknown.status());
        assertEquals("Not found: /api/nothing", unknown.body());
        assertEquals(405, getUpload.status());
        assertEquals(Optional.of("POST"), getUpload.allow());
        assertEquals(405, postStatus.status());
        assertEquals(Optional.of("GET"), postStatus.allow());
    }

    @Test
    void everyAnswerSaysConnectionCloseLikeTheEspWebServer() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp8266());

        for (Answer answer : List.of(client.get(device, "/api/status"), client.get(device, "/nothing"),
                client.upload(device, "p.txt", new byte[1]))) {
            assertEquals(Optional.of("close"), answer.headers().firstValue("Connection"));
            assertFalse(answer.headers().firstValue("Server").isPresent());
        }
    }

    @Test
    void theSameBytesUploadedTwiceAreRecordedTwice() throws IOException {
        SimulatedDevice device = start(DeviceProfile.esp32());
        byte[] pattern = NativePatterns.of(5, 5);

        client.upload(device, "a.bin", pattern);
        client.upload(device, "b.bin", pattern);

        List<AcceptedPattern> accepted = device.acceptedPatterns();
        assertEquals(List.of("a.bin", "b.bin"), accepted.stream().map(AcceptedPattern::fileName).toList());
        assertEquals(accepted.get(0).sha256(), accepted.get(1).sha256());
        assertFalse(accepted.get(1).time().isBefore(accepted.get(0).time()));
    }

    private static byte[] append(byte[] data, byte extra) {
        byte[] longer = Arrays.copyOf(data, data.length + 1);
        longer[data.length] = extra;
        return longer;
    }

    /** {@code length} zero bytes, generated as they are read. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long length) {
            left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
