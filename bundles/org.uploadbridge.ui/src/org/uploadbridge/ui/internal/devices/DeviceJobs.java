package org.uploadbridge.ui.internal.devices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.DiscoverySummary;
import org.uploadbridge.devices.UploadOutcome;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.validation.address.PolicyMode;

/** The long device operations of the workbench, as cancellable Jobs with progress. */
final class DeviceJobs {

    private static final String PLUGIN_ID = "org.uploadbridge.ui";

    private DeviceJobs() {
    }

    /**
     * Scans a subnet and/or listens for mDNS announcements ({@code cidr} null: no scan); each
     * device is handed to {@code onFound} once, as it answers.
     */
    static Job discover(DeviceDiscovery discovery, String cidr, int port, boolean mdns, Consumer<DeviceStatus> onFound,
            Consumer<DiscoverySummary> onDone) {
        String what = cidr == null ? "by mDNS" : "in " + cidr + " (port " + port + ")" + (mdns ? " and by mDNS" : "");
        return Job.create("Discovering devices " + what, (IProgressMonitor monitor) -> {
            SubMonitor progress = SubMonitor.convert(monitor, "Discovering devices " + what, IProgressMonitor.UNKNOWN);
            try {
                DiscoverySummary summary = discovery.discover(cidr, port, mdns ? DeviceDiscovery.DEFAULT_MDNS_WINDOW : Duration.ZERO,
                        PolicyMode.LAN_ONLY, found -> {
                            progress.subTask("found " + found.status().name() + " at " + found.status().address());
                            onFound.accept(found.status());
                        }, progress::isCanceled);
                onDone.accept(summary);
                if (progress.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                IStatus found = Status.info("Found " + summary.devices().size() + " device(s)");
                return summary.mdnsProblem().map(ErrorDialogs::toStatus).orElse(found);
            } catch (UploadBridgeException e) {
                return ErrorDialogs.toStatus(e);
            }
        });
    }

    /** Uploads one pattern to each device, verified; the result lists every device's outcome. */
    static Job upload(DeviceService devices, Path pattern, List<DeviceAddress> targets, Consumer<DeviceStatus> onVerified,
            BiConsumer<DeviceAddress, UploadBridgeException> onFailed) {
        return Job.create("Uploading " + pattern.getFileName() + " to " + targets.size() + " device(s)", (IProgressMonitor monitor) -> {
            SubMonitor progress = SubMonitor.convert(monitor, targets.size() * 100);
            MultiStatus result = new MultiStatus(PLUGIN_ID, 0, "Upload of " + pattern.getFileName(), null);
            for (DeviceAddress target : targets) {
                if (progress.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                SubMonitor one = progress.split(100);
                one.beginTask("Sending to " + target, 100);
                int[] reported = { 0 };
                TransferProgress transfer = new TransferProgress() {
                    @Override
                    public void transferred(long sent, long total) {
                        int percent = total == 0 ? 100 : (int) (sent * 100 / total);
                        one.worked(Math.max(0, percent - reported[0]));
                        reported[0] = Math.max(reported[0], percent);
                    }

                    @Override
                    public boolean isCancelled() {
                        return monitor.isCanceled();
                    }
                };
                try {
                    UploadOutcome outcome = devices.upload(target, pattern, transfer);
                    onVerified.accept(outcome.verifiedStatus());
                    result.add(Status.info(target + ": " + outcome.receipt().deviceMessage()));
                } catch (UploadBridgeException e) {
                    onFailed.accept(target, e);
                    result.add(ErrorDialogs.toStatus(e));
                }
            }
            return result.getSeverity() == IStatus.ERROR ? result : Status.OK_STATUS;
        });
    }

    /**
     * Reads each device's status; every device that does not answer is handed to {@code onFailed}
     * and listed in the result, which the workbench shows with its guidance.
     */
    static Job status(DeviceService devices, List<DeviceAddress> addresses, Consumer<DeviceStatus> onStatus,
            BiConsumer<DeviceAddress, UploadBridgeException> onFailed) {
        return Job.create("Reading the status of " + addresses.size() + " device(s)", (IProgressMonitor monitor) -> {
            SubMonitor progress = SubMonitor.convert(monitor, addresses.size());
            MultiStatus result = new MultiStatus(PLUGIN_ID, 0, "Status of " + addresses.size() + " device(s)", null);
            for (DeviceAddress address : addresses) {
                if (progress.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                try {
                    onStatus.accept(devices.status(address));
                } catch (UploadBridgeException e) {
                    onFailed.accept(address, e);
                    result.add(ErrorDialogs.toStatus(e));
                }
                progress.worked(1);
            }
            return result.getSeverity() == IStatus.ERROR ? result : Status.OK_STATUS;
        });
    }


    /** A device call that changes what it shows (blink, on, off, stop), on each device; failures come back with their guidance. */
    @FunctionalInterface
    interface DeviceControl {
        void on(DeviceService devices, DeviceAddress address) throws UploadBridgeException;
    }

    static Job control(DeviceService devices, String what, List<DeviceAddress> targets, DeviceControl control,
            Runnable onDone) {
        return Job.create(what + " on " + targets.size() + " device(s)", (IProgressMonitor monitor) -> {
            SubMonitor progress = SubMonitor.convert(monitor, what, targets.size());
            MultiStatus result = new MultiStatus(PLUGIN_ID, 0, what, null);
            try {
                for (DeviceAddress target : targets) {
                    if (progress.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    progress.subTask(target.toString());
                    try {
                        control.on(devices, target);
                    } catch (UploadBridgeException e) {
                        result.add(ErrorDialogs.toStatus(e));
                    }
                    progress.worked(1);
                }
            } finally {
                onDone.run();
            }
            return result.getSeverity() == IStatus.ERROR ? result : Status.OK_STATUS;
        });
    }
}
