package org.uploadbridge.metrics.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.io.WorkspaceFiles;
import org.uploadbridge.metrics.DeviceHealth;
import org.uploadbridge.metrics.DeviceMetrics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link DeviceMetrics} on a Micrometer registry of its own, with fading per-device counts for the
 * health score, saved to {@code .metadata/.plugins/org.uploadbridge.metrics/metrics.json} in the
 * workspace (the OSGi instance area) every {@code saveIntervalSeconds} when changed, and on deactivation.
 */
@Component(service = DeviceMetrics.class, configurationPid = "org.uploadbridge.metrics")
public final class MicrometerDeviceMetrics implements DeviceMetrics {

    /** Configuration property: the metrics file, instead of the workspace's. */
    static final String FILE = "file";
    /** Operation names become tags: only short plain words, so a caller cannot blow up the registry. */
    private static final Pattern OPERATION = Pattern.compile("[a-z][a-z0-9_.-]{0,31}");
    /** IPv4 literals in numeric order, then other hosts by name; then port. */
    static final Comparator<DeviceAddress> ADDRESS_ORDER = Comparator
            .comparingLong((DeviceAddress a) -> ipv4(a.host()))
            .thenComparing(DeviceAddress::host).thenComparingInt(DeviceAddress::port);

    private final MetricsSettings settings;
    private final Clock clock;
    private final Logger log;
    private final MetricsFile file;
    private final DeviceMeters meters;
    private final Map<DeviceAddress, DeviceStats> devices = new ConcurrentHashMap<>();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicBoolean capReported = new AtomicBoolean();
    private final ScheduledExecutorService saver;

    @Activate
    public MicrometerDeviceMetrics(BundleContext context, Map<String, Object> properties,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(location(context, properties, log), MetricsSettings.from(properties), Clock.systemUTC(), log);
    }

    /** For tests: their own file, settings and clock. */
    MicrometerDeviceMetrics(Path file, MetricsSettings settings, Clock clock, Logger log) {
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.file = new MetricsFile(file, clock, log);
        this.meters = new DeviceMeters(clock, settings.percentileWindow());
        load();
        saver = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("uploadbridge-metrics-save")
                .daemon().factory());
        long every = settings.saveInterval().toMillis();
        saver.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
        log.info("Device metrics: {} ({} devices)", file, devices.size());
    }

    @Deactivate
    void close() {
        saver.shutdownNow();
        try {
            saver.awaitTermination(5, TimeUnit.SECONDS); // a save in progress finishes before the last one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveIfChanged();
        meters.close();
    }

    @Override
    public void uploadFinished(DeviceAddress device, Duration took, long bytes, Optional<String> errorCode) {
        UploadOutcome outcome = UploadOutcome.of(errorCode);
        DeviceStats stats = track(device);
        meters.upload(tag(device, stats), outcome, UploadOutcome.errorTag(errorCode), took, bytes);
        if (stats != null) {
            stats.upload(clock.millis(), outcome, took, bytes);
            changed.set(true);
        }
    }

    @Override
    public void statusProbed(DeviceAddress device, Duration took, boolean answered) {
        DeviceStats stats = track(device);
        meters.probe(tag(device, stats), took, answered);
        if (stats != null) {
            stats.probe(clock.millis(), answered);
            changed.set(true);
        }
    }

    @Override
    public void retried(DeviceAddress device, String operation) {
        DeviceStats stats = track(device);
        String op = operation == null ? "other" : operation.toLowerCase(Locale.ROOT);
        meters.retry(tag(device, stats), OPERATION.matcher(op).matches() ? op : "other");
        if (stats != null) {
            stats.retry(clock.millis());
            changed.set(true);
        }
    }

    @Override
    public void breakerChanged(DeviceAddress device, String from, String to) {
        DeviceStats stats = track(device);
        String before = breakerState(from);
        String after = breakerState(to);
        meters.breaker(tag(device, stats), before, after);
        if (stats != null) {
            stats.breaker(clock.millis(), after);
            changed.set(true);
        }
    }

    @Override
    public DeviceHealth health(DeviceAddress device) {
        DeviceStats stats = devices.get(device);
        return stats == null ? DeviceHealth.noData() : health(device, stats, clock.millis());
    }

    @Override
    public DeviceHealth overall() {
        long now = clock.millis();
        List<DeviceHealth> each = new ArrayList<>();
        List<DeviceStats.Counts> counts = new ArrayList<>();
        devices.forEach((device, stats) -> {
            each.add(health(device, stats, now));
            counts.add(stats.countsAt(now));
        });
        return HealthFormula.overall(each, counts, meters.fleetStatus());
    }

    @Override
    public List<DeviceAddress> devices() {
        return devices.keySet().stream().sorted(ADDRESS_ORDER).toList();
    }

    @Override
    public String exportCsv() {
        return HealthExport.csv(rows());
    }

    @Override
    public String exportJson() {
        return HealthExport.json(overall(), rows(), clock.instant(), settings.halfLife());
    }

    /** The file the metrics are kept in. */
    public Path storageFile() {
        return file.path();
    }

    MeterRegistry registry() {
        return meters.registry();
    }

    /** What the scheduler runs: forget stale devices, drop idle latency timers, save if changed. */
    void maintain() {
        try {
            forgetStale();
            meters.dropIdle();
            saveIfChanged();
        } catch (RuntimeException e) {
            log.error("Device metrics upkeep failed: {}", e.toString()); // logged, so the schedule goes on
        }
    }

    void saveIfChanged() {
        if (!changed.getAndSet(false)) {
            return;
        }
        Map<DeviceAddress, DeviceStats.Counts> counts = new LinkedHashMap<>();
        devices.forEach((device, stats) -> counts.put(device, stats.stored()));
        try {
            file.save(counts);
        } catch (IOException e) {
            changed.set(true); // try again on the next round
            log.warn("Cannot save the device metrics to {}: {}", file.path(), e.getMessage());
        }
    }

    private DeviceHealth health(DeviceAddress device, DeviceStats stats, long now) {
        return HealthFormula.device(stats.countsAt(now), meters.status(device.toString()), stats.breakerState());
    }

    private List<HealthExport.Row> rows() {
        return devices().stream().map(d -> new HealthExport.Row(d, health(d))).toList();
    }

    /** The device's stats, new ones up to the cap; null beyond it. */
    private DeviceStats track(DeviceAddress device) {
        DeviceStats known = devices.get(device);
        if (known != null) {
            return known;
        }
        synchronized (devices) { // new devices are rare; the lock keeps the cap exact
            known = devices.get(device);
            if (known == null && devices.size() >= settings.deviceCap()) {
                forgetStale();
            }
            if (known == null && devices.size() < settings.deviceCap()) {
                known = new DeviceStats(DeviceStats.Counts.empty(clock.millis()), settings.halfLife());
                devices.put(device, known);
            } else if (known == null && !capReported.getAndSet(true)) {
                log.warn("Device metrics track at most {} devices; {} and further new ones only count in the totals"
                        + " (device tag \"{}\") until devices unseen for {} days are forgotten", settings.deviceCap(),
                        device, DeviceMeters.OTHER, settings.retention().toDays());
            }
            return known;
        }
    }

    private static String tag(DeviceAddress device, DeviceStats stats) {
        return stats == null ? DeviceMeters.OTHER : device.toString();
    }

    private void forgetStale() {
        long before = clock.millis() - settings.retention().toMillis();
        devices.forEach((device, stats) -> {
            if (stats.lastSeen() < before && devices.remove(device, stats)) {
                meters.forget(device.toString());
                changed.set(true);
            }
        });
    }

    private void load() {
        long before = clock.millis() - settings.retention().toMillis();
        file.load().entrySet().stream().filter(e -> e.getValue().lastSeen() >= before)
                .sorted(Comparator.comparingLong((Map.Entry<DeviceAddress, DeviceStats.Counts> e) -> e.getValue().lastSeen())
                        .reversed())
                .limit(settings.deviceCap()) // a lower cap than before keeps the most recently seen devices
                .forEach(e -> devices.put(e.getKey(), new DeviceStats(e.getValue(), settings.halfLife())));
    }

    private static String breakerState(String state) {
        String s = state == null ? "" : state.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (s) {
            case "CLOSED", "OPEN", "HALF_OPEN" -> s;
            default -> "OTHER";
        };
    }

    private static long ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Long.MAX_VALUE;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return Long.MAX_VALUE;
            }
            value = value * 256 + Integer.parseInt(part);
        }
        return value;
    }

    private static Path location(BundleContext context, Map<String, Object> properties, Logger log) {
        Object configured = properties.get(FILE);
        if (configured != null) {
            return Path.of(configured.toString());
        }
        String instanceArea = context.getProperty(WorkspaceFiles.INSTANCE_AREA);
        Optional<Path> inWorkspace = WorkspaceFiles.pluginFile(instanceArea, "org.uploadbridge.metrics", "metrics.json");
        if (inWorkspace.isPresent()) {
            return inWorkspace.get();
        }
        if (instanceArea != null) {
            log.warn("The workspace location {} is not a local folder; the metrics are kept in the installation", instanceArea);
        }
        return context.getDataFile("metrics.json").toPath();
    }
}
