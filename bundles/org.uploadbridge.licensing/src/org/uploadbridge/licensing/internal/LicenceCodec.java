package org.uploadbridge.licensing.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import org.uploadbridge.licensing.Entitlement;
import org.uploadbridge.licensing.Entitlements;
import org.uploadbridge.licensing.Licence;
import org.uploadbridge.licensing.MachineBinding;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The licence file format (docs/licensing.md): {@code {"licence":{...},"signature":"<hex>"}} in
 * canonical form only: compact JSON, keys sorted, UTF-8, integers only, lower-case hex, an
 * optional final newline. The signature covers the canonical bytes of the {@code licence}
 * object. A file that is not exactly the canonical encoding of what it says is refused, so that
 * no single changed byte (white space, an escape, a letter's case) keeps a licence valid.
 */
public final class LicenceCodec {

    public static final int FORMAT = 1;
    private static final Gson CANONICAL = new GsonBuilder().disableHtmlEscaping().create();

    private LicenceCodec() {
    }

    /** A licence and its signature as read from a file that is exactly their canonical encoding. */
    public record SignedLicence(Licence licence, byte[] signature) {
    }

    /** The bytes the vendor signs. */
    public static byte[] signedBytes(Licence licence) {
        return canonical(licenceObject(licence));
    }

    /** The file of {@code licence} signed with the vendor's {@code key}: what the vendor tool issues. */
    public static byte[] issue(Licence licence, java.security.PrivateKey key) {
        return file(licence, Ed25519Keys.sign(key, signedBytes(licence)));
    }

    /** The whole file. */
    public static byte[] file(Licence licence, byte[] signature) {
        JsonObject file = new JsonObject();
        file.add("licence", licenceObject(licence));
        file.addProperty("signature", HexFormat.of().formatHex(signature));
        byte[] json = canonical(file);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    /**
     * Reads a licence file.
     *
     * @throws MalformedLicenceException when it is not a licence at all
     * @throws NotCanonicalException when it reads as one but is not byte for byte the encoding of what it says (edited)
     */
    public static SignedLicence read(byte[] bytes) throws MalformedLicenceException, NotCanonicalException {
        JsonObject file;
        Licence licence;
        byte[] signature;
        try {
            JsonElement parsed = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new MalformedLicenceException("it is not a JSON object");
            }
            file = parsed.getAsJsonObject();
            licence = licence(object(file, "licence"));
            signature = HexFormat.of().parseHex(text(file, "signature"));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException
                | DateTimeParseException e) {
            throw new MalformedLicenceException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedLicenceException(e.getMessage());
        }
        if (!java.util.Arrays.equals(bytes, file(licence, signature))
                && !java.util.Arrays.equals(bytes, canonical(canonicalCopy(licence, signature)))) {
            throw new NotCanonicalException();
        }
        return new SignedLicence(licence, signature);
    }

    private static JsonObject canonicalCopy(Licence licence, byte[] signature) {
        JsonObject file = new JsonObject();
        file.add("licence", licenceObject(licence));
        file.addProperty("signature", HexFormat.of().formatHex(signature));
        return file;
    }

    private static JsonObject licenceObject(Licence l) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("id", l.id());
        o.addProperty("licensee", l.licensee());
        o.addProperty("edition", l.edition());
        JsonObject entitlements = new JsonObject();
        l.entitlements().maxDevices().ifPresent(n -> entitlements.addProperty("max_devices", n));
        for (Entitlement e : Entitlement.values()) {
            entitlements.addProperty(e.key(), l.entitlements().includes(e));
        }
        o.add("entitlements", entitlements);
        o.addProperty("issued", l.issued().toString());
        l.expires().ifPresent(d -> o.addProperty("expires", d.toString()));
        o.addProperty("grace_days", l.graceDays());
        l.machine().ifPresent(m -> {
            JsonObject machine = new JsonObject();
            machine.addProperty("required", m.required());
            JsonObject factors = new JsonObject();
            m.factors().forEach(factors::addProperty);
            machine.add("factors", factors);
            o.add("machine", machine);
        });
        return o;
    }

    private static Licence licence(JsonObject o) {
        int format = integer(o, "format");
        if (format != FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not " + FORMAT + " (a newer Upload Bridge may read it)");
        }
        JsonObject e = object(o, "entitlements");
        Set<Entitlement> features = EnumSet.noneOf(Entitlement.class);
        for (Map.Entry<String, JsonElement> entry : e.entrySet()) {
            if (entry.getKey().equals("max_devices")) {
                continue;
            }
            Entitlement feature = Entitlement.ofKey(entry.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("unknown entitlement " + entry.getKey()));
            if (entry.getValue().getAsBoolean()) {
                features.add(feature);
            }
        }
        OptionalInt maxDevices = e.has("max_devices") ? OptionalInt.of(integer(e, "max_devices")) : OptionalInt.empty();
        Optional<MachineBinding> machine = Optional.empty();
        if (o.has("machine")) {
            JsonObject m = object(o, "machine");
            TreeMap<String, String> factors = new TreeMap<>();
            object(m, "factors").entrySet().forEach(f -> factors.put(f.getKey(), f.getValue().getAsString()));
            machine = Optional.of(new MachineBinding(factors, integer(m, "required")));
        }
        return new Licence(text(o, "id"), text(o, "licensee"), text(o, "edition"), new Entitlements(maxDevices, features),
                LocalDate.parse(text(o, "issued")), o.has("expires") ? Optional.of(LocalDate.parse(text(o, "expires"))) : Optional.empty(),
                integer(o, "grace_days"), machine);
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement value = o.get(key);
        if (value == null || !value.isJsonObject()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return value.getAsJsonObject();
    }

    private static int integer(JsonObject o, String key) {
        JsonElement value = o.get(key);
        if (value == null || !value.isJsonPrimitive() || !((JsonPrimitive) value).isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not a number");
        }
        return value.getAsInt();
    }

    private static String text(JsonObject o, String key) {
        JsonElement value = o.get(key);
        if (value == null || !value.isJsonPrimitive() || !((JsonPrimitive) value).isString()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return value.getAsString();
    }

    /** Compact JSON with every object's keys sorted. */
    static byte[] canonical(JsonElement element) {
        return CANONICAL.toJson(sorted(element)).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonElement sorted(JsonElement element) {
        if (!element.isJsonObject()) {
            return element;
        }
        JsonObject sorted = new JsonObject();
        new TreeMap<>(element.getAsJsonObject().asMap()).forEach((key, value) -> sorted.add(key, sorted(value)));
        return sorted;
    }

    /** Not a licence file. */
    public static final class MalformedLicenceException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedLicenceException(String reason) {
            super(reason);
        }
    }

    /** Reads as a licence but is not its canonical encoding: it was edited. */
    public static final class NotCanonicalException extends Exception {
        private static final long serialVersionUID = 1L;

        NotCanonicalException() {
            super("the file is not in the form it was issued in");
        }
    }
}
