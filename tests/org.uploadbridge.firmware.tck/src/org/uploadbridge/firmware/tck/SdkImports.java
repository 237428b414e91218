package org.uploadbridge.firmware.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * What a firmware bundle may depend on when written against the SDK alone: the firmware SPI and
 * pattern model of {@code org.uploadbridge.core}, the device channels of {@code org.uploadbridge.net}
 * and the DS annotations. A driver's tests call {@link #outsideSdk} on its bundle, so the build
 * fails as soon as the bundle imports anything else or requires a bundle.
 */
public final class SdkImports {

    /** The SDK's packages; {@code java.*} is always there and never imported. */
    public static final Set<String> SDK_PACKAGES = Set.of("org.uploadbridge.core.device", "org.uploadbridge.core.error",
            "org.uploadbridge.core.format", "org.uploadbridge.core.pattern", "org.uploadbridge.core.io",
            "org.uploadbridge.net", "org.osgi.service.component.annotations");

    private SdkImports() {
    }

    /** The bundle's imports and required bundles that are not the SDK's, e.g. {@code com.google.gson}; empty when it keeps to the SDK. */
    public static List<String> outsideSdk(Bundle bundle) {
        List<String> outside = new ArrayList<>();
        for (String header : List.of(Constants.IMPORT_PACKAGE, Constants.DYNAMICIMPORT_PACKAGE)) {
            for (String name : names(bundle.getHeaders("").get(header))) {
                if (!SDK_PACKAGES.contains(name)) {
                    outside.add(header + ": " + name);
                }
            }
        }
        for (String name : names(bundle.getHeaders("").get(Constants.REQUIRE_BUNDLE))) {
            outside.add(Constants.REQUIRE_BUNDLE + ": " + name);
        }
        return outside;
    }

    /** The names of a manifest header's clauses: each clause up to its first ';', commas inside quotes skipped. */
    static List<String> names(String header) {
        List<String> names = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return names;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";", 2)[0].trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
