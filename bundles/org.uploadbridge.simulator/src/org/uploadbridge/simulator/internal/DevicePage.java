package org.uploadbridge.simulator.internal;

/** The small page the firmware serves at {@code /}: status and an upload form. */
final class DevicePage {

    private DevicePage() {
    }

    static String html(LoopbackDevice device) {
        String name = escape(device.name());
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Upload Bridge - %1$s</title></head>
                <body><h1>Upload Bridge LED Controller</h1>
                <p>Device %1$s (%2$s) at %3$s. <a href="/api/status">Status</a></p>
                <form method="POST" action="/api/upload" enctype="multipart/form-data">
                <input type="file" name="file" accept=".bin,.hex,.dat"> <input type="submit" value="Upload pattern">
                </form></body></html>
                """.formatted(name, escape(device.profile().name()), escape(device.ip()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
