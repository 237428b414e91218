package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.util.List;

import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.Extension;

import com.google.gson.JsonObject;

/**
 * Firmware updates of extended builds. {@code POST /api/ota/update} takes a multipart image that
 * must start with 0xE9 and fit the OTA partition; on success the device answers, then reboots:
 * 503 and then connection refused for {@link DeviceProfile#rebootTime()}, and it comes back with
 * the new version in {@code GET /api/ota/status}.
 */
final class OtaEndpoints {

    /** The app partition of the ESP32's default 4 MB layout with OTA (0x140000 bytes). */
    static final long MAX_IMAGE_BYTES = 0x140000;
    static final String WRONG_MAGIC = "Update failed: Wrong Magic Byte";
    static final String NO_SPACE = "Update failed: Not Enough Space";
    static final String NO_IMAGE = "No firmware image received";
    static final String SUCCESS = "Update successful. Rebooting...";
    private static final long MULTIPART_SLACK_BYTES = 64 << 10;

    private OtaEndpoints() {
    }

    static List<Endpoint.Route> routes() {
        return List.of(new Endpoint.Route("GET", "/api/ota/status", Extension.OTA, OtaEndpoints::status),
                new Endpoint.Route("POST", "/api/ota/update", Extension.OTA, OtaEndpoints::update));
    }

    /** {@code {"firmware_version","previous_version","update_count","last_image_sha256","max_image_size"}}. */
    private static void status(Exchange exchange) {
        DeviceMemory.Firmware firmware = exchange.memory().firmware();
        JsonObject status = new JsonObject();
        status.addProperty("firmware_version", firmware.version());
        status.addProperty("previous_version", firmware.previousVersion());
        status.addProperty("update_count", firmware.updates());
        status.addProperty("last_image_sha256", firmware.lastImageSha256());
        status.addProperty("max_image_size", MAX_IMAGE_BYTES);
        exchange.json(200, status);
    }

    private static void update(Exchange exchange) throws IOException, DeviceRefusal {
        LoopbackDevice device = exchange.device();
        DeviceRefusal noSpace = DeviceRefusal.badRequest(NO_SPACE);
        FormData form = RequestBodies.readForm(exchange.request(), MAX_IMAGE_BYTES + MULTIPART_SLACK_BYTES,
                new Throttle(device.profile().bandwidthBytesPerSecond()), noSpace);
        byte[] image = form.file();
        if (!form.hasFile() || image.length == 0) {
            throw DeviceRefusal.badRequest(NO_IMAGE);
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw noSpace;
        }
        if (!FirmwareImage.hasMagic(image)) {
            throw DeviceRefusal.badRequest(WRONG_MAGIC);
        }
        String sha256 = Sha256.hex(image);
        exchange.memory().flashed(FirmwareImage.version(image, sha256), sha256);
        exchange.json(200, Json.result(true, SUCCESS), exchange.rebootAfterAnswer());
    }
}
