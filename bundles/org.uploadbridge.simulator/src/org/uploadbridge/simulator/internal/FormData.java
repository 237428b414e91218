package org.uploadbridge.simulator.internal;

import java.util.Map;
import java.util.Optional;

/**
 * A multipart/form-data body as the device sees it: the first part with a file name is the upload,
 * every other part a text field.
 *
 * @param fileName the upload's file name; null when no part had one
 * @param file the upload's bytes; empty without an upload
 * @param fields text fields by name (the first of each name)
 */
record FormData(String fileName, byte[] file, Map<String, String> fields) {

    static final FormData NO_UPLOAD = new FormData(null, new byte[0], Map.of());

    FormData {
        fields = Map.copyOf(fields);
    }

    boolean hasFile() {
        return fileName != null;
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
