package org.uploadbridge.cli.internal;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The JSON shapes the CLI prints with {@code --json}; records serialise field by field. */
final class Json {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Json() {
    }

    record ValidateOutput(boolean valid, List<FileCheck> files) {
    }
}
