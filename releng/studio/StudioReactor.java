import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Writes the Tycho reactor of a studio's own distribution from its one file (studio.json, see
 * releng/studio-sample/README.md): a branding bundle (product name, about text, window images, and
 * the preset devices and settings as OSGi Configurator defaults), a feature with it, and a product
 * made of Upload Bridge's features from its p2 repository. Run by ./studio-build, which builds it.
 * <p>
 * Arguments: STUDIO_JSON OUT_DIR REPOSITORY_URL TYCHO_VERSION HEADLESS_PRODUCT (whose start levels
 * and framework properties the studio's product takes, so the two never drift apart).
 * Exit 0 written, 2 the studio file has problems (all of them are listed, each with what to do).
 */
public class StudioReactor {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern DEVICE = Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?(\\s+\\S.*)?");
    private static final Map<String, String> FIRMWARE = Map.of("classic", "org.uploadbridge.firmware.classic.feature",
            "wled", "org.uploadbridge.firmware.wled.feature");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path studioFile;
    private final Path studioDir;
    private final JsonObject studio;
    private final List<String> problems = new ArrayList<>();

    private StudioReactor(Path studioFile) throws IOException {
        this.studioFile = studioFile;
        this.studioDir = studioFile.toAbsolutePath().getParent();
        try (Reader in = Files.newBufferedReader(studioFile, StandardCharsets.UTF_8)) {
            JsonElement parsed = JsonParser.parseReader(in);
            this.studio = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
            if (!parsed.isJsonObject()) {
                problems.add("the file is not a JSON object: start from releng/studio-sample/studio.json");
            }
        } catch (com.google.gson.JsonParseException e) {
            throw new IOException("not valid JSON (" + e.getMessage() + "): compare it with releng/studio-sample/studio.json", e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: StudioReactor STUDIO_JSON OUT_DIR REPOSITORY_URL TYCHO_VERSION HEADLESS_PRODUCT");
            System.exit(2);
        }
        StudioReactor reactor;
        try {
            reactor = new StudioReactor(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("error: " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        reactor.write(Path.of(args[1]), args[2], args[3], Files.readString(Path.of(args[4])));
    }

    private void write(Path out, String repository, String tychoVersion, String headlessProduct) throws IOException {
        String id = text("id", ID, "a reverse domain name of yours in lower case, e.g. com.lumenworks.bridge");
        String name = text("name", null, "the product's name, e.g. Lumen Bridge");
        String version = text("version", VERSION, "three numbers, e.g. 1.0.0");
        String vendor = text("vendor", null, "your company's name");
        String about = text("about", null, "the about dialog's text; {0} is replaced by the version");
        String key = publicKey();
        List<Path> images = windowImages();
        List<String> features = firmwareFeatures();
        JsonObject configurator = configurations(id, version);
        if (!problems.isEmpty()) {
            System.err.println("error: " + studioFile + " has " + problems.size() + " problem(s):");
            problems.forEach(p -> System.err.println("  - " + p));
            System.exit(2);
        }
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String qualified = version + ".qualifier";
        String snapshot = version + "-SNAPSHOT";

        Files.createDirectories(out.resolve(".mvn")); // the reactor's own root: the main build's .mvn does not apply
        write(out.resolve("pom.xml"), parentPom(id, name, snapshot, repository, tychoVersion));

        Path branding = out.resolve(id + ".branding");
        write(branding.resolve("pom.xml"), modulePom(id, id + ".branding", snapshot, "eclipse-plugin"));
        write(branding.resolve("META-INF/MANIFEST.MF"), manifest(id, name, qualified, vendor));
        List<String> imagePaths = new ArrayList<>();
        for (Path image : images) {
            Path target = branding.resolve("icons").resolve(image.getFileName().toString());
            Files.createDirectories(target.getParent());
            Files.copy(image, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            imagePaths.add("icons/" + image.getFileName());
        }
        write(branding.resolve("plugin.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension id="product" point="org.eclipse.core.runtime.products">
                      <product application="org.uploadbridge.ui.workbench" name="%1$s">
                         <property name="appName" value="%1$s"/>
                         <property name="windowImages" value="%2$s"/>
                         <property name="aboutText" value="%3$s"/>
                      </product>
                   </extension>
                </plugin>
                """.formatted(xml(name), String.join(",", imagePaths), xml(about)));
        write(branding.resolve("about.mappings"), "0=" + version + "\n");
        write(branding.resolve("OSGI-INF/configurator/" + id + ".json"), GSON.toJson(configurator) + "\n");
        write(branding.resolve("build.properties"), "bin.includes = META-INF/,plugin.xml,about.mappings,icons/,OSGI-INF/\n");

        Path feature = out.resolve(id + ".feature");
        write(feature.resolve("pom.xml"), modulePom(id, id + ".feature", snapshot, "eclipse-feature"));
        write(feature.resolve("feature.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <feature id="%1$s.feature" label="%2$s" version="%3$s" provider-name="%4$s">
                   <description>%2$s: branding, preset devices and default settings, and its start script.</description>
                   <plugin id="%1$s.branding" version="0.0.0"/>
                </feature>
                """.formatted(id, xml(name), qualified, xml(vendor)));
        write(feature.resolve("build.properties"), "bin.includes = feature.xml\nroot = file:root/" + slug + "\nroot.permissions.755 = " + slug + "\n");
        write(feature.resolve("root/" + slug), startScript(name, slug));

        Path product = out.resolve(id + ".product");
        write(product.resolve("pom.xml"), productPom(id, name, slug, snapshot, version));
        write(product.resolve(slug + ".product"), productFile(id, name, slug, qualified, key, features, headlessProduct));
        System.out.println("Wrote the reactor of " + name + " " + version + " (" + id + ") in " + out);
    }

    private String text(String field, Pattern shape, String what) {
        JsonElement value = studio.get(field);
        if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
            problems.add("\"" + field + "\" is missing: " + what);
            return "";
        }
        String text = value.getAsString().strip();
        if (shape != null && !shape.matcher(text).matches()) {
            problems.add("\"" + field + "\" is \"" + text + "\": it must be " + what);
        }
        return text;
    }

    private List<String> strings(String field, String what) {
        JsonElement value = studio.get(field);
        List<String> list = new ArrayList<>();
        if (value == null || !value.isJsonArray()) {
            problems.add("\"" + field + "\" is missing or not a list: " + what);
            return list;
        }
        value.getAsJsonArray().forEach(e -> list.add(e.isJsonPrimitive() ? e.getAsString().strip() : e.toString()));
        return list;
    }

    private String publicKey() {
        String key = text("licencePublicKey", null, "the public key `./licence-tool keygen` printed (vendor.pub)");
        try {
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key)));
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            if (!key.isEmpty()) {
                problems.add("\"licencePublicKey\" is not an Ed25519 public key: paste the line of the vendor.pub that "
                        + "`./licence-tool keygen --out DIR` wrote (docs/licensing.md)");
            }
        }
        return key;
    }

    private List<Path> windowImages() {
        List<Path> images = new ArrayList<>();
        for (String image : strings("windowImages", "PNG files next to the studio file, e.g. [\"icons/studio-16.png\", \"icons/studio-32.png\"]")) {
            Path file = studioDir.resolve(image).normalize();
            if (!image.endsWith(".png") || !Files.isRegularFile(file)) {
                problems.add("window image \"" + image + "\" is not a PNG file at " + file + ": give PNG files, relative to the studio file");
            } else {
                images.add(file);
            }
        }
        if (images.isEmpty() && problems.stream().noneMatch(p -> p.contains("windowImages"))) {
            problems.add("\"windowImages\" is empty: give at least a 16x16 and a 32x32 PNG");
        }
        return images;
    }

    private List<String> firmwareFeatures() {
        List<String> features = new ArrayList<>();
        for (String firmware : strings("firmware", "the firmware your devices run: [\"classic\"], [\"wled\"] or both, or a feature id")) {
            String feature = FIRMWARE.getOrDefault(firmware, firmware.contains(".") ? firmware : null);
            if (feature == null) {
                problems.add("firmware \"" + firmware + "\" is unknown: use classic, wled, or the id of a firmware feature in the repository");
            } else {
                features.add(feature);
            }
        }
        return features;
    }

    /** The OSGi Configurator resource: the settings, and the preset devices as the device list's configuration. */
    private JsonObject configurations(String id, String version) {
        JsonObject resource = new JsonObject();
        resource.addProperty(":configurator:resource-version", 1);
        resource.addProperty(":configurator:symbolic-name", id + ".branding");
        resource.addProperty(":configurator:version", version);
        JsonElement settings = studio.get("settings");
        if (settings != null && !settings.isJsonObject()) {
            problems.add("\"settings\" must be an object of configurations: {\"org.uploadbridge.resilience\": {\"quota.uploadsPerHour\": 60}}");
        } else if (settings != null) {
            for (Map.Entry<String, JsonElement> pid : settings.getAsJsonObject().entrySet()) {
                if (!pid.getValue().isJsonObject()) {
                    problems.add("settings \"" + pid.getKey() + "\" must be an object of properties");
                } else {
                    resource.add(pid.getKey(), pid.getValue());
                }
            }
        }
        JsonArray presets = new JsonArray();
        for (String device : strings("devices", "the devices to preset, in order: [\"10.20.0.11 Stage left\", \"10.20.0.12:8080 Truss\"] (may be empty)")) {
            Matcher m = DEVICE.matcher(device);
            if (!m.matches() || (m.group(2) != null && Integer.parseInt(m.group(2).substring(1)) > 65535)) {
                problems.add("device \"" + device + "\" is not \"host[:port] name\", e.g. \"10.20.0.11 Stage left\"");
            }
            presets.add(new JsonPrimitive(device));
        }
        JsonObject registry = resource.has("org.uploadbridge.devices.registry") ? resource.getAsJsonObject("org.uploadbridge.devices.registry")
                : new JsonObject();
        registry.add("presets", presets);
        resource.add("org.uploadbridge.devices.registry", registry);
        return resource;
    }

    private static String manifest(String id, String name, String version, String vendor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Manifest-Version", "1.0");
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-Name", name + " Branding");
        headers.put("Bundle-SymbolicName", id + ".branding;singleton:=true");
        headers.put("Bundle-Version", version);
        headers.put("Bundle-Vendor", vendor);
        headers.put("Automatic-Module-Name", id + ".branding");
        // The Configurator reads OSGI-INF/configurator/ only of bundles that require it.
        headers.put("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.configurator)(version>=1.0)(!(version>=2.0)))\"");
        StringBuilder text = new StringBuilder();
        headers.forEach((header, value) -> {
            String line = header + ": " + value;
            text.append(line, 0, Math.min(72, line.length())).append('\n');
            for (int i = 72; i < line.length(); i += 71) { // manifest lines are at most 72 bytes; continuations start with a space
                text.append(' ').append(line, i, Math.min(i + 71, line.length())).append('\n');
            }
        });
        return text.toString();
    }

    private static String parentPom(String id, String name, String version, String repository, String tychoVersion) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by ./studio-build from the studio file; edit that file, not this one. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%1$s</groupId>
                  <artifactId>%1$s.parent</artifactId>
                  <version>%3$s</version>
                  <packaging>pom</packaging>
                  <name>%2$s</name>
                  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding><tycho.version>%5$s</tycho.version></properties>
                  <modules>
                    <module>%1$s.branding</module>
                    <module>%1$s.feature</module>
                    <module>%1$s.product</module>
                  </modules>
                  <dependencyManagement>
                    <!-- As in Upload Bridge's pom: an old e4 pom asks for a javax.annotation-api Maven Central never had. -->
                    <dependencies>
                      <dependency><groupId>javax.annotation</groupId><artifactId>javax.annotation-api</artifactId><version>1.3.2</version></dependency>
                    </dependencies>
                  </dependencyManagement>
                  <repositories>
                    <!-- Upload Bridge's p2 repository: every feature and all that they need. -->
                    <repository><id>upload-bridge</id><layout>p2</layout><url>%4$s</url></repository>
                  </repositories>
                  <build>
                    <plugins>
                      <plugin><groupId>org.eclipse.tycho</groupId><artifactId>tycho-maven-plugin</artifactId><version>%5$s</version><extensions>true</extensions></plugin>
                      <plugin>
                        <groupId>org.eclipse.tycho</groupId><artifactId>target-platform-configuration</artifactId><version>%5$s</version>
                        <configuration>
                          <environments>
                            <environment><os>linux</os><ws>gtk</ws><arch>x86_64</arch></environment>
                            <environment><os>win32</os><ws>win32</ws><arch>x86_64</arch></environment>
                            <environment><os>macosx</os><ws>cocoa</ws><arch>aarch64</arch></environment>
                          </environments>
                          <executionEnvironment>JavaSE-21</executionEnvironment>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(id, xml(name), version, xml(repository), tychoVersion);
    }

    private static String modulePom(String id, String artifact, String version, String packaging) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>%1$s</groupId><artifactId>%1$s.parent</artifactId><version>%3$s</version></parent>
                  <artifactId>%2$s</artifactId>
                  <packaging>%4$s</packaging>
                </project>
                """.formatted(id, artifact, version, packaging);
    }

    private static String productPom(String id, String name, String slug, String snapshot, String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>%1$s</groupId><artifactId>%1$s.parent</artifactId><version>%4$s</version></parent>
                  <artifactId>%1$s.product</artifactId>
                  <packaging>eclipse-repository</packaging>
                  <name>%2$s (Linux, Windows, macOS)</name>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.eclipse.tycho</groupId><artifactId>tycho-p2-director-plugin</artifactId><version>${tycho.version}</version>
                        <executions>
                          <execution><id>materialize-products</id><goals><goal>materialize-products</goal></goals></execution>
                          <execution><id>archive-products</id><goals><goal>archive-products</goal></goals></execution>
                        </executions>
                        <configuration>
                          <products><product><id>%1$s</id><rootFolder>%3$s</rootFolder><archiveFileName>%3$s-%5$s</archiveFileName></product></products>
                          <formats><linux>tar.gz</linux><macosx>tar.gz</macosx><win32>zip</win32></formats>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(id, xml(name), slug, snapshot, version);
    }

    /** The product: Upload Bridge's features, the chosen firmware, the branding; the headless product's configuration, made the studio's own. */
    private static String productFile(String id, String name, String slug, String version, String key, List<String> firmware,
            String headlessProduct) {
        Matcher block = Pattern.compile("(?s)<configurations>(.*?)</configurations>").matcher(headlessProduct);
        if (!block.find()) {
            throw new IllegalStateException("the headless product has no <configurations>: releng/org.uploadbridge.product/headless.product");
        }
        String configurations = block.group(1)
                .replace("/.uploadbridge/", "/." + slug + "/") // its own workspace and firmware folder
                .replaceAll("<property name=\"eclipse.buildId\" value=\"[^\"]*\"/>", "<property name=\"eclipse.buildId\" value=\"" + version + "\"/>");
        StringBuilder features = new StringBuilder();
        for (String feature : List.of("org.uploadbridge.core.feature", "org.uploadbridge.workbench.feature")) {
            features.append("      <feature id=\"").append(feature).append("\"/>\n");
        }
        firmware.forEach(f -> features.append("      <feature id=\"").append(f).append("\"/>\n"));
        features.append("      <feature id=\"").append(id).append(".feature\"/>\n");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <?pde version="3.5"?>
                <!-- Written by ./studio-build from the studio file; edit that file, not this one. -->
                <product name="%1$s" uid="%2$s" id="%2$s.branding.product" application="org.uploadbridge.ui.workbench"
                      version="%3$s" type="features" includeLaunchers="false" autoIncludeRequirements="true">
                   <configIni use="default"></configIni>
                   <launcherArgs><vmArgs>-Xmx2g</vmArgs><vmArgsMac>-XstartOnFirstThread</vmArgsMac></launcherArgs>
                   <features>
                %4$s   </features>
                   <configurations>
                      <!-- Started with the Configurator, so its defaults (preset devices, settings) are in place before the application runs. -->
                      <plugin id="%2$s.branding" autoStart="true" startLevel="3"/>
                      <!-- Licences are accepted only when signed with the studio's key. -->
                      <property name="org.uploadbridge.licensing.publicKey" value="%5$s"/>%6$s</configurations>
                </product>
                """.formatted(xml(name), id, version, features, key, configurations);
    }

    private static String startScript(String name, String slug) {
        return """
                #!/usr/bin/env bash
                # %1$s: ./%2$s opens the workbench; ./%2$s COMMAND ... runs a command (./%2$s help).
                # Needs Java 21 or newer: JAVA_HOME, else the java on the PATH.
                set -euo pipefail
                here=$(cd "$(dirname "$0")" && pwd)
                java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
                major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\\.specification\\.version = \\([0-9]*\\).*/\\1/p')
                if [ -z "$major" ] || [ "$major" -lt 21 ]; then
                  echo "error: %1$s needs Java 21 or newer; found ${major:-no java} ($java). Install a JDK 21+ and set JAVA_HOME." >&2
                  exit 1
                fi
                launcher=$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
                if [ $# -gt 0 ]; then
                  exec "$java" -jar "$launcher" -install "$here" -nosplash -application org.uploadbridge.cli.app "$@"
                fi
                exec "$java" -jar "$launcher" -install "$here" -nosplash
                """.formatted(name, slug);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("\n", "&#10;");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
