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
import org.uploadbridge.core.format.LoadedPattern;
import org.uploadbridge.core.format.NativePatternCodec;
import org.uploadbridge.core.format.ReadOptions;
import org.uploadbridge.core.pattern.Pattern;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.FleetResult;
import org.uploadbridge.devices.UploadOutcome;
import org.uploadbridge.validation.Finding;
import org.uploadbridge.validation.pattern.DeviceLimits;
import org.uploadbridge.validation.pattern.FileValidation;
import org.uploadbridge.validation.pattern.PatternValidator;

/** The one path of every device operation: driver lookup, validation, upload, verification. */
@Component(service = DeviceService.class)
public final class DefaultDeviceService implements DeviceService {

    private final PatternValidator validator;
    private final Map<DeviceAddress, String> firmwareOf = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DeviceDriver> drivers = List.of();

    @Activate
    public DefaultDeviceService(@Reference PatternValidator validator) {
        this.validator = validator;
    }

    @Override
    public List<DeviceDriver> drivers() {
        return List.copyOf(drivers);
    }

    @Override
    public Optional<DeviceStatus> identify(DeviceAddress address) throws UploadBridgeException {
        for (DeviceDriver driver : drivers) {
            Optional<DeviceStatus> status = driver.probe(address);
            if (status.isPresent()) {
                firmwareOf.put(address, driver.firmwareId());
                return status;
            }
        }
        return Optional.empty();
    }

    @Override
    public DeviceStatus status(DeviceAddress address) throws UploadBridgeException {
        return driverFor(address).status(address);
    }

    @Override
    public List<LibraryEntry> library(DeviceAddress address) throws UploadBridgeException {
        return driverFor(address).libraryList(address);
    }

    @Override
    public UploadOutcome upload(DeviceAddress address, Path patternFile, TransferProgress progress) throws UploadBridgeException {
        long start = System.nanoTime();
        DeviceDriver driver = driverFor(address);
        DeviceStatus before = driver.status(address);
        DeviceLimits limits = DeviceLimits.none();
        if (before.maxLeds().isPresent()) {
            limits = limits.withMaxLeds(before.maxLeds().getAsInt());
        }
        if (before.freeHeapBytes().isPresent()) {
            limits = limits.withFreeRamBytes(before.freeHeapBytes().getAsLong());
        }
        FileValidation checked = validator.loadAndValidate(patternFile, ReadOptions.none(), limits);
        List<Finding> errors = checked.report().errors();
        if (!errors.isEmpty() || checked.loaded().isEmpty()) {
            String first = errors.isEmpty() ? "the file could not be read" : errors.get(0).code().id() + " " + errors.get(0).message();
            throw new UploadBridgeException(DeviceError.PATTERN_DOES_NOT_FIT, address, first, Math.max(1, errors.size()));
        }
        LoadedPattern loaded = checked.loaded().get();
        UploadReceipt receipt = "native".equals(loaded.formatId())
                ? driver.upload(address, patternFile, progress)
                : uploadConverted(driver, address, loaded, progress);
        DeviceStatus after = driver.status(address);
        verify(address, loaded.pattern(), after.pattern());
        return new UploadOutcome(address, receipt, after, checked.report(), Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public List<FleetResult> uploadToFleet(List<DeviceAddress> addresses, Path patternFile, int concurrency,
            Consumer<FleetResult> onResult) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        Semaphore slots = new Semaphore(concurrency);
        List<Future<FleetResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DeviceAddress address : addresses) {
                futures.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        FleetResult result = uploadOne(address, patternFile);
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

    private FleetResult uploadOne(DeviceAddress address, Path patternFile) {
        try {
            return FleetResult.succeeded(upload(address, patternFile, TransferProgress.NONE));
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

    /** A pattern read from another format is sent in the native format the device plays. */
    private static UploadReceipt uploadConverted(DeviceDriver driver, DeviceAddress address, LoadedPattern loaded,
            TransferProgress progress) throws UploadBridgeException {
        Path temp = null;
        try {
            temp = Files.createTempFile("uploadbridge-", ".bin");
            NativePatternCodec.write(loaded.pattern(), temp);
            return driver.upload(address, temp, progress);
        } catch (IOException e) {
            throw new UploadBridgeException(DeviceError.REJECTED, e, address, "cannot prepare the native file: " + e.getMessage());
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(NativePatternCodec.geometryFileOf(temp));
        } catch (IOException e) {
            // the upload's result matters more than a leftover temporary file: remove it at exit instead
            temp.toFile().deleteOnExit();
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
