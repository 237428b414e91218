package org.uploadbridge.simulator.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.http.HttpHeader;
import org.uploadbridge.simulator.DeviceProfile;
import org.uploadbridge.simulator.Firmware;

/**
 * The paths one kind of device answers: an unknown path (or the path of an extension the profile
 * lacks) is 404 with the ESP web server's own text, a known path with the wrong method is 405.
 */
final class RouteTable {

    /** Paths answered with text or HTML, not JSON: the classic page, WLED's files and OTA. */
    private static final Set<String> TEXT_PATHS = Set.of(ClassicEndpoints.PAGE_PATH, "/upload", "/edit", "/update");

    private final Map<String, Map<String, Endpoint>> byPath;
    /** Answers GET on a path no route has (WLED serves its file system there), or null for 404. */
    private final Endpoint unroutedGet;

    private RouteTable(Map<String, Map<String, Endpoint>> byPath, Endpoint unroutedGet) {
        this.byPath = byPath;
        this.unroutedGet = unroutedGet;
    }

    /** The routes {@code profile} has: the classic ones and those of its extensions. */
    static RouteTable of(DeviceProfile profile, List<Endpoint.Route> routes) {
        Map<String, Map<String, Endpoint>> byPath = new LinkedHashMap<>();
        for (Endpoint.Route route : routes) {
            if (route.extension() == null || profile.supports(route.extension())) {
                byPath.computeIfAbsent(route.path(), path -> new LinkedHashMap<>()).put(route.method(), route.endpoint());
            }
        }
        return new RouteTable(Map.copyOf(byPath), profile.firmware() == Firmware.WLED ? WledFileEndpoints::serveFile : null);
    }

    /** The routes of {@code profile}'s firmware. */
    static RouteTable forProfile(DeviceProfile profile) {
        return of(profile, switch (profile.firmware()) {
            case CLASSIC -> allRoutes();
            case WLED -> WledEndpoints.routes();
        });
    }

    /** Every route of the classic firmware, extended builds included. */
    static List<Endpoint.Route> allRoutes() {
        return List.of(ClassicEndpoints.routes(), LibraryEndpoints.routes(), OtaEndpoints.routes(),
                SettingsEndpoints.routes()).stream().flatMap(List::stream).toList();
    }

    /**
     * Whether the device answers {@code method} on {@code path} with JSON: every endpoint does, its
     * refusals included, except the text paths; unknown paths and methods are answered in plain text.
     */
    boolean answersJson(String method, String path) {
        Map<String, Endpoint> methods = byPath.get(path);
        return methods != null && methods.containsKey(method) && !TEXT_PATHS.contains(path);
    }

    void dispatch(Exchange exchange, String method, String path) throws IOException, DeviceRefusal {
        Map<String, Endpoint> methods = byPath.get(path);
        if (methods == null && unroutedGet != null && "GET".equals(method)) {
            unroutedGet.handle(exchange);
            return;
        }
        if (methods == null) {
            exchange.text(404, "Not found: " + path);
            return;
        }
        Endpoint endpoint = methods.get(method);
        if (endpoint == null) {
            exchange.responseHeaders().put(HttpHeader.ALLOW, String.join(", ", methods.keySet()));
            exchange.text(405, "Method Not Allowed");
            return;
        }
        endpoint.handle(exchange);
    }
}
