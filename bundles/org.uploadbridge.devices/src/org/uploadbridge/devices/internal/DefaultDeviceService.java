package org.uploadbridge.devices.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.LibraryEntry;
import org.uploadbridge.core.device.LoadedPatternInfo;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.device.UploadReceipt;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.RegisteredDevice;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.devices.UploadOutcome;
import org.uploadbridge.licensing.LicenceService;
import org.uploadbridge.metrics.DeviceMetrics;
import org.uploadbridge.resilience.DeviceGuard;
import org.uploadbridge.simulator.DeviceSimulator;
import org.uploadbridge.core.device.DeviceOperation;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.ValidationReport;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.PatternValidator;

/**
 * The one path of every device operation: driver lookup, validation, upload, verification. Every
 * call to a device the user chose goes through its {@link DeviceGuard} (quotas, breaker, bulkhead,
 * retries), first contact included; {@link #identify} alone does not, since a scan asks thousands
 * of addresses that are no device.
 */
@Component(service = DeviceService.class)
public final class DefaultDeviceService implements DeviceService {

    private final PatternValidator validator;
    private final DeviceRegistry registry;
    private final DeviceGuard guard;
    private final DeviceMetrics metrics;
    private final LicenceGate gate;
    private final Map<DeviceAddress, String> firmwareOf = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DeviceDriver> drivers = List.of();

    /** Its devices do not count against the licence; optional: a distribution may leave the simulator out. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceSimulator simulator;

    @Activate
    public DefaultDeviceService(@Reference PatternValidator validator, @Reference DeviceRegistry registry,
            @Reference DeviceGuard guard, @Reference DeviceMetrics metrics, @Reference LicenceService licence) {
        this.validator = validator;
        this.registry = registry;
        this.guard = guard;
        this.metrics = metrics;
        this.gate = new LicenceGate(licence, registry, address -> {
            DeviceSimulator running = simulator;
            return running != null && LicenceGate.simulatedBy(running, address);
        }, LicenceGate::isThirdParty);
    }

    @Override
    public List<DeviceDriver> drivers() {
        return List.copyOf(drivers);
    }

    @Override
    public Optional<DeviceStatus> identify(DeviceAddress address) throws UploadBridgeException {
        return identify(address, Optional.empty());
    }

    /**
     * Asks each driver but {@code skip}. A driver that cannot tell now (it threw) does not stop the
     * others; when none recognises the device, the first such failure is thrown, so that a guarded
     * caller retries it, instead of calling a busy device "not a supported device".
     */
    private Optional<DeviceStatus> identify(DeviceAddress address, Optional<DeviceDriver> skip) throws UploadBridgeException {
        UploadBridgeException cannotTell = null;
        for (DeviceDriver driver : drivers) {
            if (skip.isPresent() && driver == skip.get()) {
                continue;
            }
            try {
                Optional<DeviceStatus> status = driver.probe(address);
                if (status.isPresent()) {
                    firmwareOf.put(address, driver.firmwareId());
                    return status;
                }
            } catch (UploadBridgeException e) {
                if (cannotTell == null) {
                    cannotTell = e;
                } else {
                    cannotTell.addSuppressed(e);
                }
            }
        }
        if (cannotTell != null) {
            throw cannotTell;
        }
        return Optional.empty();
    }

    @Override
    public DeviceStatus status(DeviceAddress address) throws UploadBridgeException {
        long start = System.nanoTime();
        boolean answered = false;
        try {
            DeviceStatus status = guard.call(address, DeviceOperation.STATUS, 0, () -> driverFor(address).status(address));
            answered = true;
            return status;
        } finally {
            metrics.statusProbed(address, Duration.ofNanos(System.nanoTime() - start), answered);
        }
    }

    @Override
    public List<LibraryEntry> library(DeviceAddress address) throws UploadBridgeException {
        return guard.call(address, DeviceOperation.LIBRARY, 0, () -> driverFor(address).libraryList(address));
    }

    @Override
    public UploadOutcome upload(DeviceAddress address, Path patternFile, TransferProgress progress) throws UploadBridgeException {
        try (PreparedPattern prepared = PreparedPattern.of(validator, patternFile)) {
            return measuredSend(address, prepared, progress);
        }
    }

    @Override
    public void updateFirmware(DeviceAddress address, Path image, TransferProgress progress) throws UploadBridgeException {
        gate.requireFirmwareUpdate(address);
        gate.requireDevice(address);
        long size;
        try {
            size = Files.size(image);
        } catch (IOException unreadable) {
            size = 0; // the driver reads the image and reports a missing or unreadable one with its own code
        }
        DeviceDriver driver = guard.call(address, DeviceOperation.STATUS, 0, () -> driverFor(address));
        gate.requireFirmware(driver, address);
        guard.call(address, DeviceOperation.FIRMWARE, size, () -> {
            driver.firmwareUpdate(address, image, progress);
            return null;
        });
    }

    /** {@link #send}, with its outcome, time and size in the metrics (a pattern that did not fit counts too). */
    private UploadOutcome measuredSend(DeviceAddress address, PreparedPattern prepared, TransferProgress progress)
            throws UploadBridgeException {
        long start = System.nanoTime();
        long bytes = prepared.loaded().map(loaded -> loaded.pattern().nativeSize()).orElse(0L);
        try {
            UploadOutcome outcome = send(address, prepared, progress);
            metrics.uploadFinished(address, Duration.ofNanos(System.nanoTime() - start), bytes, Optional.empty());
            return outcome;
        } catch (UploadBridgeException e) {
            metrics.uploadFinished(address, Duration.ofNanos(System.nanoTime() - start), bytes, Optional.of(e.code().id()));
            throw e;
        }
    }

    /** Checks the prepared pattern against this device's limits, sends it and verifies it. */
    private UploadOutcome send(DeviceAddress address, PreparedPattern prepared, TransferProgress progress) throws UploadBridgeException {
        long start = System.nanoTime();
        if (prepared.loaded().isEmpty()) {
            Finding why = prepared.checked().report().errors().stream().findFirst().orElseThrow(
                    () -> new IllegalStateException("a pattern that did not load has no error finding"));
            throw new UploadBridgeException(DeviceError.PATTERN_UNREADABLE, address, prepared.source(), why.code().id() + " " + why.message());
        }
        gate.requireDevice(address);
        Identified device = guard.call(address, DeviceOperation.STATUS, 0, () -> identified(address));
        DeviceDriver driver = device.driver();
        gate.requireFirmware(driver, address);
        DeviceStatus before = device.status();
        DeviceLimits reported = DeviceLimits.none();
        if (before.maxLeds().isPresent()) {
            reported = reported.withMaxLeds(before.maxLeds().getAsInt());
        }
        if (before.freeHeapBytes().isPresent()) {
            reported = reported.withFreeRamBytes(before.freeHeapBytes().getAsLong());
        }
        // What the device says wins; what the user assumed for it fills the gaps.
        DeviceLimits limits = reported.orElse(registry.find(address).map(RegisteredDevice::assumedLimits).orElse(DeviceLimits.none()));
        ValidationReport report = prepared.loaded().isPresent() && !limits.equals(DeviceLimits.none())
                ? prepared.reportFor(validator, limits)
                : prepared.checked().report();
        List<Finding> errors = report.errors();
        if (!errors.isEmpty()) {
            String first = errors.get(0).code().id() + " " + errors.get(0).message();
            throw new UploadBridgeException(DeviceError.PATTERN_DOES_NOT_FIT, address, first, errors.size());
        }
        Pattern pattern = prepared.loaded().get().pattern();
        UploadReceipt receipt = guard.call(address, DeviceOperation.UPLOAD, pattern.nativeSize(),
                () -> driver.upload(address, prepared.nativeFile(), progress));
        DeviceStatus after = guard.call(address, DeviceOperation.STATUS, 0, () -> cheapStatus(driver, address));
        verify(address, pattern, after.pattern());
        gate.uploaded(address);
        return new UploadOutcome(address, receipt, after, report, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void setBrightness(DeviceAddress address, int brightness) throws UploadBridgeException {
        control(address, driver -> driver.setBrightness(address, brightness));
    }

    @Override
    public void setPower(DeviceAddress address, boolean on) throws UploadBridgeException {
        control(address, driver -> driver.setPower(address, on));
    }

    @Override
    public void blink(DeviceAddress address) throws UploadBridgeException {
        control(address, driver -> driver.identify(address));
    }

    @Override
    public void play(DeviceAddress address, String libraryName) throws UploadBridgeException {
        guard.call(address, DeviceOperation.LIBRARY, 0, () -> {
            driverFor(address).librarySelect(address, libraryName);
            return null;
        });
    }

    @Override
    public void stopStream(DeviceAddress address) throws UploadBridgeException {
        control(address, driver -> driver.stopStream(address));
    }

    /** A quick call that changes what the device shows, through its guard like every other. */
    private void control(DeviceAddress address, DriverCall call) throws UploadBridgeException {
        guard.call(address, DeviceOperation.CONTROL, 0, () -> {
            call.on(driverFor(address));
            return null;
        });
    }

    @FunctionalInterface
    private interface DriverCall {
        void on(DeviceDriver driver) throws UploadBridgeException;
    }

    @Override
    public List<FleetResult> uploadToFleet(List<DeviceAddress> addresses, Path patternFile, int concurrency,
            Consumer<FleetResult> onResult) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        PreparedPattern prepared;
        try {
            gate.requireFleet(addresses);
            prepared = PreparedPattern.of(validator, patternFile); // read and checked once for the whole fleet
        } catch (UploadBridgeException e) {
            List<FleetResult> failed = addresses.stream().map(a -> FleetResult.failed(a, e)).toList();
            failed.forEach(onResult);
            return failed;
        }
        Semaphore slots = new Semaphore(concurrency);
        List<Future<FleetResult>> futures = new ArrayList<>();
        try (prepared; ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DeviceAddress address : addresses) {
                futures.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        FleetResult result = uploadOne(address, prepared);
                        onResult.accept(result);
                        return result;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<FleetResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), addresses.get(i)));
            }
            return results;
        }
    }

    private FleetResult uploadOne(DeviceAddress address, PreparedPattern prepared) {
        try {
            return FleetResult.succeeded(measuredSend(address, prepared, TransferProgress.NONE));
        } catch (UploadBridgeException e) {
            return FleetResult.failed(address, e);
        }
    }

    private static FleetResult await(Future<FleetResult> future, DeviceAddress address) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FleetResult.failed(address, new UploadBridgeException(DeviceError.CANCELLED, e, address, "the fleet upload"));
        } catch (ExecutionException e) {
            // uploadOne catches every catalogued failure; anything else is a defect worth its stack trace
            throw new IllegalStateException("fleet upload to " + address + " failed unexpectedly", e.getCause());
        }
    }

    private static void verify(DeviceAddress address, Pattern sent, LoadedPatternInfo reported) throws UploadBridgeException {
        if (!reported.loaded() || reported.ledCount() != sent.ledCount() || reported.frameCount() != sent.frameCount()
                || reported.sizeBytes() != sent.nativeSize()) {
            String now = reported.loaded() ? reported.ledCount() + " LEDs x " + reported.frameCount() + " frames ("
                    + reported.sizeBytes() + " bytes)" : "no pattern";
            throw new UploadBridgeException(DeviceError.VERIFY_MISMATCH, address, now,
                    sent.ledCount() + " LEDs x " + sent.frameCount() + " frames (" + sent.nativeSize() + " bytes)");
        }
    }

    /** A device's driver and its status, as one request found them. */
    private record Identified(DeviceDriver driver, DeviceStatus status) {
    }

    /**
     * The device's driver and a fresh status in one request (a probe): an upload needs the
     * limits, not the optional endpoints that {@link DeviceDriver#status} may probe on first
     * contact (five more requests per device for the classic firmware). A known device that no
     * longer answers like its firmware is identified again.
     */
    private Identified identified(DeviceAddress address) throws UploadBridgeException {
        Optional<DeviceDriver> known = knownDriver(address);
        if (known.isPresent()) {
            Optional<DeviceStatus> status = known.get().probe(address);
            if (status.isPresent()) {
                return new Identified(known.get(), status.get());
            }
        }
        Optional<DeviceStatus> other = identify(address, known);
        if (other.isPresent()) {
            return new Identified(knownDriver(address).orElseThrow(), other.get());
        }
        if (known.isPresent()) {
            // Neither its firmware nor another one recognises it now: the full status says why (e.g. HTTP 404).
            return new Identified(known.get(), known.get().status(address));
        }
        throw new UploadBridgeException(DeviceError.NOT_RECOGNISED, address);
    }

    /** The status by one request; the full status only when the probe does not recognise the answer, to say why. */
    private static DeviceStatus cheapStatus(DeviceDriver driver, DeviceAddress address) throws UploadBridgeException {
        Optional<DeviceStatus> probed = driver.probe(address);
        return probed.isPresent() ? probed.get() : driver.status(address);
    }

    /** The driver that recognised the address before, or the one that recognises it now. */
    private DeviceDriver driverFor(DeviceAddress address) throws UploadBridgeException {
        Optional<DeviceDriver> known = knownDriver(address);
        if (known.isPresent()) {
            return known.get();
        }
        if (identify(address).isPresent()) {
            known = knownDriver(address);
            if (known.isPresent()) {
                return known.get();
            }
        }
        throw new UploadBridgeException(DeviceError.NOT_RECOGNISED, address);
    }

    private Optional<DeviceDriver> knownDriver(DeviceAddress address) {
        String firmware = firmwareOf.get(address);
        return firmware == null ? Optional.empty()
                : drivers.stream().filter(d -> d.firmwareId().equals(firmware)).findFirst();
    }
}
