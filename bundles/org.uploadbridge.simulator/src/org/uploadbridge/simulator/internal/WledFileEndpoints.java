package org.uploadbridge.simulator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.uploadbridge.simulator.WledSettings;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * WLED's file system and OTA: {@code POST /upload} (multipart; the part's file name is the path,
 * {@code cfg.json} reboots), {@code GET /edit?func=list|delete}, {@code POST /update} (field
 * {@code update}, a {@code .bin} starting with 0xE9 or a {@code .bin.gz}). With a settings PIN
 * these answer 401.
 */
final class WledFileEndpoints {

    static final String LOCKED = "Access Denied. Please unlock settings using PIN code!";
    static final String UPLOADED = "File Uploaded!";
    static final String CONFIG_RESTORED = "Configuration restore successful.\nRebooting...";
    static final String UPDATE_OK = "Update successful! Rebooting...";
    static final String UPDATE_FAILED = "Update failed! ";
    private static final long BODY_SLACK_BYTES = 64 << 10;
    private static final System.Logger LOG = System.getLogger(WledFileEndpoints.class.getName());

    private WledFileEndpoints() {
    }

    static List<Endpoint.Route> routes() {
        return List.of(new Endpoint.Route("POST", "/upload", null, WledFileEndpoints::upload),
                new Endpoint.Route("GET", "/edit", null, WledFileEndpoints::edit),
                new Endpoint.Route("POST", "/update", null, WledFileEndpoints::update));
    }

    /** True (and answered 401) when the device has a PIN: files and OTA are settings. */
    private static boolean locked(Exchange exchange) throws IOException {
        if (WledEndpoints.device(exchange).profile().wled().pin() == null) {
            return false;
        }
        RequestBodies.discard(exchange.request());
        exchange.text(401, LOCKED);
        return true;
    }

    private static void upload(Exchange exchange) throws IOException, DeviceRefusal {
        if (locked(exchange)) {
            return;
        }
        DeviceRefusal full = new DeviceRefusal(507, "File system full");
        FormData form = RequestBodies.readForm(exchange.request(), WledMemory.FS_TOTAL_BYTES + BODY_SLACK_BYTES,
                new Throttle(exchange.device().profile().bandwidthBytesPerSecond()), full);
        if (!form.hasFile() || form.fileName().isBlank()) {
            exchange.text(400, "No file");
            return;
        }
        String path = path(form.fileName());
        if (!exchange.memory().wled().write(path, form.file())) {
            exchange.text(507, "File system full");
        } else if ("/cfg.json".equals(path)) {
            exchange.text(200, CONFIG_RESTORED, exchange.rebootAfterAnswer());
        } else {
            exchange.text(200, UPLOADED);
        }
    }

    private static void edit(Exchange exchange) throws IOException {
        if (locked(exchange)) {
            return;
        }
        Fields query = Request.extractQueryParameters(exchange.request());
        String func = query.getValue("func");
        WledMemory wled = exchange.memory().wled();
        if ("list".equals(func)) {
            JsonArray list = new JsonArray();
            wled.files().forEach((path, content) -> {
                JsonObject entry = new JsonObject();
                entry.addProperty("name", path.substring(1));
                entry.addProperty("type", "file");
                entry.addProperty("size", content.length);
                list.add(entry);
            });
            exchange.json(200, list);
        } else if ("delete".equals(func)) {
            String path = query.getValue("path");
            if (path == null || path.isBlank()) {
                exchange.text(400, "Missing path");
            } else if (wled.delete(path(path))) {
                exchange.text(200, "");
            } else {
                exchange.text(404, "File not found");
            }
        } else {
            exchange.html("<!DOCTYPE html><html><head><title>WLED File Editor</title></head><body></body></html>");
        }
    }

    private static void update(Exchange exchange) throws IOException, DeviceRefusal {
        if (locked(exchange)) {
            return;
        }
        WledLoopbackDevice device = WledEndpoints.device(exchange);
        DeviceRefusal noSpace = new DeviceRefusal(500, UPDATE_FAILED + "Not Enough Space");
        FormData form = RequestBodies.readForm(exchange.request(), OtaEndpoints.MAX_IMAGE_BYTES + BODY_SLACK_BYTES,
                new Throttle(device.profile().bandwidthBytesPerSecond()), noSpace);
        byte[] image = form.file();
        if (!form.hasFile() || image.length == 0) {
            exchange.text(500, UPDATE_FAILED + "No firmware image received");
            return;
        }
        image = gunzipIfCompressed(image);
        if (image == null || image.length > OtaEndpoints.MAX_IMAGE_BYTES) {
            exchange.text(500, UPDATE_FAILED + (image == null ? "Invalid gzip" : "Not Enough Space"));
            return;
        }
        if (!FirmwareImage.hasMagic(image)) {
            exchange.text(500, UPDATE_FAILED + "Wrong Magic Byte");
            return;
        }
        WledSettings settings = device.profile().wled();
        String imageRelease = FirmwareImage.projectName(image);
        boolean skip = "1".equals(form.field("skipValidation").orElse(""));
        if (settings.release().hasReleaseName() && !skip && !settings.releaseName().equals(imageRelease)) {
            exchange.text(500, UPDATE_FAILED + "Firmware release name mismatch: current '" + settings.releaseName()
                    + "', uploaded '" + imageRelease + "'.");
            return;
        }
        String sha256 = Sha256.hex(image);
        exchange.memory().flashed(FirmwareImage.version(image, sha256), sha256);
        exchange.text(200, UPDATE_OK, exchange.rebootAfterAnswer());
    }

    /** The image itself, or its gzip content (at most one byte over the partition); null when not valid gzip. */
    private static byte[] gunzipIfCompressed(byte[] image) {
        if (image.length < 2 || (image[0] & 0xFF) != 0x1F || (image[1] & 0xFF) != 0x8B) {
            return image;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(image))) {
            return in.readNBytes((int) OtaEndpoints.MAX_IMAGE_BYTES + 1);
        } catch (IOException e) {
            // Not gzip after all: WLED's decompressor fails the update the same way, and so do we.
            LOG.log(System.Logger.Level.DEBUG, "OTA image is not valid gzip", e);
            return null;
        }
    }

    /**
     * {@code GET /<path>} of a stored file: WLED's web server serves its file system on paths no
     * handler has (how the UI reads {@code /presets.json}). Reading is not locked by the PIN.
     */
    static void serveFile(Exchange exchange) {
        String path = exchange.request().getHttpURI().getDecodedPath();
        byte[] content = exchange.memory().wled().files().get(path);
        if (content == null) {
            exchange.text(404, "Not found: " + path);
        } else {
            exchange.file(path.endsWith(".json") ? Exchange.JSON : "application/octet-stream", content);
        }
    }

    /** The path a file name is stored at: always absolute. */
    private static String path(String fileName) {
        return fileName.startsWith("/") ? fileName : "/" + fileName;
    }
}
