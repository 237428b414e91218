package org.uploadbridge.licensing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.io.WorkspaceFiles;
import org.uploadbridge.licensing.LicenceError;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.licensing.LicenceState;
import org.uploadbridge.licensing.LicenceStatus;
import org.uploadbridge.licensing.MachineFingerprint;
import org.uploadbridge.licensing.internal.LicenceCodec.MalformedLicenceException;
import org.uploadbridge.licensing.internal.LicenceCodec.NotCanonicalException;
import org.uploadbridge.licensing.internal.LicenceCodec.SignedLicence;

/**
 * The licence in the workspace ({@code .metadata/.plugins/org.uploadbridge.licensing/}), checked
 * against the vendor's public key: configuration {@value #PUBLIC_KEY} (PID {@value #PID}), else
 * the framework property {@value #PUBLIC_KEY_PROPERTY} (a distribution sets it), else the key the
 * product ships ({@value #SHIPPED_KEY}).
 */
@Component(service = LicenceService.class, configurationPid = FileLicenceService.PID)
public final class FileLicenceService implements LicenceService {

    static final String PID = "org.uploadbridge.licensing";
    static final String PUBLIC_KEY = "publicKey";
    static final String DIRECTORY = "directory";
    static final String PUBLIC_KEY_PROPERTY = "org.uploadbridge.licensing.publicKey";
    static final String SHIPPED_KEY = "/vendor-public-key.txt";

    private volatile StoredLicence store;
    private volatile PublicKey vendor;
    private final Supplier<MachineFingerprint> machine;
    private final Clock clock;
    private volatile MachineFingerprint fingerprint;

    @Activate
    public FileLicenceService(BundleContext context, Map<String, Object> properties,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(directory(context, properties), Ed25519Keys.publicKey(publicKey(context, properties)), HostFactors::fingerprint,
                Clock.systemUTC());
        log.info("Licence folder: {}; licence: {}", store.licenceFile().getParent(), state().edition());
    }

    /** A new key or folder applies at once; what the licence allows is evaluated at each call anyway. */
    @Modified
    void configure(BundleContext context, Map<String, Object> properties) {
        vendor = Ed25519Keys.publicKey(publicKey(context, properties));
        store = new StoredLicence(directory(context, properties));
    }

    /** For tests: another folder, key, machine and clock. */
    public FileLicenceService(Path directory, PublicKey vendor, Supplier<MachineFingerprint> machine, Clock clock) {
        this.store = new StoredLicence(directory);
        this.vendor = vendor;
        this.machine = machine;
        this.clock = clock;
    }

    @Override
    public LicenceState state() {
        Instant now = clock.instant();
        Instant lastSeen = store.lastSeen();
        Optional<byte[]> bytes;
        try {
            bytes = store.read();
        } catch (IOException e) {
            return invalid(new UploadBridgeException(LicenceError.STORE_FAILED, e, store.licenceFile(), e.getMessage()));
        }
        if (bytes.isEmpty()) {
            return LicenceState.free();
        }
        LicenceState state;
        try {
            state = LicenceEvaluator.evaluate(checked(bytes.get(), store.licenceFile().toString()).licence(), now, lastSeen);
        } catch (UploadBridgeException e) {
            return invalid(e);
        }
        try {
            store.saw(now, lastSeen);
        } catch (UploadBridgeException e) {
            return withWarning(state, e.getMessage());
        }
        return state;
    }

    @Override
    public LicenceState install(Path file) throws UploadBridgeException {
        byte[] bytes = readLicenceFile(file);
        SignedLicence signed = checked(bytes, file.toString());
        Instant now = clock.instant();
        LicenceState state = LicenceEvaluator.evaluate(signed.licence(), now, store.lastSeen());
        if (state.status() == LicenceStatus.EXPIRED) {
            throw state.problem().orElseThrow();
        }
        store.install(bytes);
        return state();
    }

    @Override
    public LicenceState remove() throws UploadBridgeException {
        store.remove();
        return state();
    }

    @Override
    public MachineFingerprint fingerprint() {
        MachineFingerprint known = fingerprint;
        if (known == null) {
            known = machine.get(); // reads the OS once: factors do not change while the product runs
            fingerprint = known;
        }
        return known;
    }

    private SignedLicence checked(byte[] bytes, String source) throws UploadBridgeException {
        SignedLicence signed;
        try {
            signed = LicenceCodec.read(bytes);
        } catch (MalformedLicenceException e) {
            throw new UploadBridgeException(LicenceError.MALFORMED, e, source, e.getMessage());
        } catch (NotCanonicalException e) {
            throw new UploadBridgeException(LicenceError.SIGNATURE_INVALID, e, source);
        }
        LicenceEvaluator.verify(signed, vendor, fingerprint(), source);
        return signed;
    }

    private static byte[] readLicenceFile(Path file) throws UploadBridgeException {
        try {
            if (Files.size(file) > StoredLicence.MAX_BYTES) {
                throw new UploadBridgeException(LicenceError.MALFORMED, file, "it is larger than " + StoredLicence.MAX_BYTES / 1024 + " KB");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UploadBridgeException(LicenceError.MALFORMED, e, file, "there is no such file");
        } catch (IOException e) {
            throw new UploadBridgeException(LicenceError.MALFORMED, e, file, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static LicenceState invalid(UploadBridgeException why) {
        LicenceState free = LicenceState.free();
        return new LicenceState(LicenceStatus.INVALID, Optional.empty(), free.edition(), free.entitlements(), Optional.empty(),
                List.of(why.getMessage()), Optional.of(why));
    }

    private static LicenceState withWarning(LicenceState state, String warning) {
        List<String> warnings = new java.util.ArrayList<>(state.warnings());
        warnings.add(warning);
        return new LicenceState(state.status(), state.licence(), state.edition(), state.entitlements(), state.graceEnds(), warnings,
                state.problem());
    }

    private static Path directory(BundleContext context, Map<String, Object> properties) {
        Object configured = properties.get(DIRECTORY);
        if (configured != null) {
            return Path.of(configured.toString());
        }
        return WorkspaceFiles.pluginFile(context.getProperty(WorkspaceFiles.INSTANCE_AREA), "org.uploadbridge.licensing", StoredLicence.LICENCE)
                .map(Path::getParent).orElseGet(() -> context.getDataFile("").toPath());
    }

    private static String publicKey(BundleContext context, Map<String, Object> properties) {
        Object configured = properties.get(PUBLIC_KEY);
        if (configured != null && !configured.toString().isBlank()) {
            return configured.toString();
        }
        String framework = context.getProperty(PUBLIC_KEY_PROPERTY);
        if (framework != null && !framework.isBlank()) {
            return framework;
        }
        try (InputStream in = FileLicenceService.class.getResourceAsStream(SHIPPED_KEY)) {
            if (in == null) {
                throw new IllegalStateException("the licensing bundle lacks " + SHIPPED_KEY + ": a build defect");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED_KEY + " from the licensing bundle", e);
        }
    }
}
