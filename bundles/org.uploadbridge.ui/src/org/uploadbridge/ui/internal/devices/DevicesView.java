package org.uploadbridge.ui.internal.devices;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.part.ViewPart;
import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.devices.DeviceDiscovery;
import org.uploadbridge.devices.DeviceRegistry;
import org.uploadbridge.devices.DeviceService;
import org.uploadbridge.devices.RegisteredDevice;
import org.uploadbridge.devices.StatusPolling;
import org.uploadbridge.ui.internal.common.Columns;
import org.uploadbridge.ui.internal.common.ErrorDialogs;
import org.uploadbridge.ui.internal.common.ServiceRef;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.ParsedAddress;
import org.uploadbridge.validation.address.PolicyMode;
import org.uploadbridge.validation.pattern.DeviceLimits;

/**
 * The devices the user works with: found by discovery or added by hand, with their firmware, LEDs,
 * the pattern they play, their state and when they last answered. Patterns are uploaded to the
 * selection from a file dialog or by dropping files on the table; every operation runs as a Job.
 */
public class DevicesView extends ViewPart {

    public static final String ID = "org.uploadbridge.ui.views.devices";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Map<DeviceAddress, DeviceRow> rows = new LinkedHashMap<>();
    private ServiceRef<DeviceService> devices;
    private ServiceRef<DeviceDiscovery> discovery;
    private ServiceRef<AddressPolicy> policy;
    private ServiceRef<StatusPolling> polling;
    private ServiceRef<DeviceRegistry> registry;
    private final Map<DeviceAddress, StatusPolling.Watch> watches = new LinkedHashMap<>();
    private InstalledFirmwares firmwares;
    /** The firmware ids with a driver, as last applied to the rows (UI thread only). */
    private Set<String> installed = Set.of();
    private TableViewer viewer;
    private MenuManager controls;
    private DiscoverDialog.Choice lastDiscovery = new DiscoverDialog.Choice(null, DeviceAddress.DEFAULT_PORT, true);

    @Override
    public void createPartControl(Composite parent) {
        devices = new ServiceRef<>(DeviceService.class);
        discovery = new ServiceRef<>(DeviceDiscovery.class);
        policy = new ServiceRef<>(AddressPolicy.class);
        polling = new ServiceRef<>(StatusPolling.class);
        registry = new ServiceRef<>(DeviceRegistry.class);
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Columns.add(viewer, DeviceRow.class, "Name", 140, DeviceRow::name);
        Columns.add(viewer, DeviceRow.class, "Address", 150, r -> r.address().toString());
        Columns.add(viewer, DeviceRow.class, "Firmware", 80, r -> r.status().map(DeviceStatus::firmwareId).orElse(""));
        Columns.add(viewer, DeviceRow.class, "LEDs", 60, r -> r.status().filter(s -> s.pattern().loaded()).map(s -> Integer.toString(s.pattern().ledCount())).orElse(""));
        Columns.add(viewer, DeviceRow.class, "Loaded pattern", 170, DeviceRow::patternText);
        Columns.add(viewer, DeviceRow.class, "State", 220, r -> r.state().name().toLowerCase().replace('_', ' ') + (r.problem().isEmpty() ? "" : ": " + r.problem()));
        Columns.add(viewer, DeviceRow.class, "Limits", 150, r -> registry.get().find(r.address())
                .map(d -> LimitsText.of(d.assumedLimits())).orElse(""));
        Columns.add(viewer, DeviceRow.class, "Last seen", 80, r -> r.lastSeen() == null ? "" : TIME.format(r.lastSeen()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                return AddressOrder.INSTANCE.compare(((DeviceRow) a).address(), ((DeviceRow) b).address());
            }
        });
        viewer.addDoubleClickListener(e -> showDetails());
        getSite().setSelectionProvider(viewer);
        createActions();
        controls = DeviceControls.install(viewer, this::selectedAddresses, devices::get, targets -> onUiThread(() -> refreshStatus(targets)));
        acceptDroppedPatterns();
        for (RegisteredDevice device : registry.get().devices()) {
            rows.put(device.address(), DeviceRow.added(device.address()));
            watch(device.address());
        }
        // Callbacks run after this method (asyncExec), so the field is set by then.
        firmwares = new InstalledFirmwares(() -> onUiThread(this::driversChanged));
        installed = firmwares.ids();
        refreshTable();
    }

    /**
     * A firmware bundle came or went: the devices of a firmware that lost its driver say so at once,
     * and when a driver arrives, the devices that did not answer as a known firmware are asked again.
     */
    private void driversChanged() {
        Set<String> now = firmwares.ids();
        boolean arrived = !installed.containsAll(now);
        installed = now;
        List<DeviceAddress> askAgain = new ArrayList<>();
        for (DeviceRow row : List.copyOf(rows.values())) {
            if (driverless(row)) {
                rows.put(row.address(), row.withoutDriver());
            } else if (row.state() != DeviceRow.State.ONLINE) {
                askAgain.add(row.address());
            }
        }
        refreshTable();
        if (arrived && !askAgain.isEmpty()) {
            refreshStatus(askAgain);
        }
    }

    private boolean driverless(DeviceRow row) {
        return row.firmware().filter(f -> !installed.contains(f)).isPresent();
    }

    /** A failed request: offline, unless no driver for its firmware is installed (then that is why). */
    private DeviceRow failed(DeviceAddress address, String why) {
        DeviceRow current = rows.getOrDefault(address, DeviceRow.added(address));
        return driverless(current) ? current.withoutDriver() : current.offline(why);
    }

    private void createActions() {
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(action("Discover...", "Find LED controllers: scan a subnet, listen for mDNS, or both", this::askAndDiscover));
        toolbar.add(action("Add Device...", "Add a device by its address", this::askAndAdd));
        toolbar.add(action("Upload Pattern...", "Upload a pattern file to the selected devices", this::askAndUpload));
        toolbar.add(action("Limits...", "What the selected devices hold, where their firmware does not say", this::askLimits));
        toolbar.add(action("Refresh", "Ask every device for its status", this::refreshStatus));
    }

    /**
     * Scans {@code cidr} on {@code port} (null: no scan) and, with {@code mdns}, listens for mDNS
     * announcements, in a Job; found devices join the table as they answer.
     */
    public void discover(String cidr, int port, boolean mdns) {
        lastDiscovery = new DiscoverDialog.Choice(cidr, port, mdns);
        DeviceJobs.discover(discovery.get(), cidr, port, mdns, status -> onUiThread(() -> put(DeviceRow.online(status))),
                summary -> ILog.of(DevicesView.class).info("Discovery" + summary.scan().map(scan -> " of " + scan.range()
                        + " (" + scan.scanned() + " addresses)").orElse("") + summary.browse().map(browse -> ", mDNS "
                        + browse.sightings() + " announcement(s)").orElse("") + ": " + summary.devices().size()
                        + " device(s) in " + summary.elapsed().toMillis() + " ms")).schedule();
    }

    /** Uploads {@code pattern} to {@code targets} in a Job; the table shows each verified result. */
    public void upload(Path pattern, List<DeviceAddress> targets) {
        DeviceJobs.upload(devices.get(), pattern, targets, status -> onUiThread(() -> put(DeviceRow.online(status))),
                (target, e) -> onUiThread(() -> put(failed(target, problem(e)))))
                .schedule();
    }

    public List<DeviceRow> rows() {
        return List.copyOf(rows.values());
    }

    private void askAndDiscover() {
        DiscoverDialog dialog = new DiscoverDialog(getSite().getShell(), lastDiscovery);
        if (dialog.open() == Window.OK) {
            DiscoverDialog.Choice choice = dialog.choice();
            discover(choice.cidr(), choice.port(), choice.mdns());
        }
    }

    private void askLimits() {
        List<DeviceAddress> targets = selectedAddresses();
        if (targets.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Device Limits", "Select the devices first.");
            return;
        }
        DeviceLimits current = registry.get().find(targets.get(0)).map(RegisteredDevice::assumedLimits).orElse(DeviceLimits.none());
        LimitsDialog dialog = new LimitsDialog(getSite().getShell(),
                targets.size() == 1 ? targets.get(0).toString() : targets.size() + " devices", current);
        if (dialog.open() == Window.OK) {
            assumeLimits(targets, dialog.limits());
        }
    }

    /** Remembers {@code limits} for each device; the next uploads to them are checked against them. */
    public void assumeLimits(List<DeviceAddress> targets, DeviceLimits limits) {
        try {
            for (DeviceAddress target : targets) {
                registry.get().assumeLimits(target, limits);
                rows.putIfAbsent(target, DeviceRow.added(target));
            }
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getSite().getShell(), "Setting the device limits", e);
        }
        refreshTable();
    }

    private void askAndAdd() {
        InputDialog dialog = new InputDialog(getSite().getShell(), "Add Device", "Address of the device, e.g. 192.168.4.1 or 127.42.0.1:8080:",
                "", null);
        if (dialog.open() != Window.OK) {
            return;
        }
        try {
            ParsedAddress parsed = policy.get().require(dialog.getValue().trim(), PolicyMode.LAN_ONLY);
            DeviceAddress address = new DeviceAddress(parsed.host(), parsed.portOr(DeviceAddress.DEFAULT_PORT));
            put(DeviceRow.added(address));
            refreshStatus(List.of(address));
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getSite().getShell(), "Adding the device", e);
        }
    }

    private void askAndUpload() {
        List<DeviceAddress> targets = selectedAddresses();
        if (targets.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Upload Pattern", "Select one or more devices first.");
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.bin;*.dat;*.leds", "*" });
        String file = dialog.open();
        if (file != null) {
            upload(Path.of(file), targets);
        }
    }

    private void refreshStatus() {
        refreshStatus(List.copyOf(rows.keySet()));
    }

    private void refreshStatus(List<DeviceAddress> addresses) {
        DeviceJobs.status(devices.get(), addresses, status -> onUiThread(() -> put(DeviceRow.online(status))),
                (address, e) -> onUiThread(() -> put(failed(address, problem(e)))))
                .schedule();
    }

    /** A failure as the State column shows it: its code and title; the guidance is in the dialog. */
    private static String problem(UploadBridgeException e) {
        return e.code().id() + " " + e.entry().title();
    }

    private void acceptDroppedPatterns() {
        DropTarget drop = new DropTarget(viewer.getControl(), DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                List<DeviceAddress> targets = selectedAddresses();
                if (event.item != null && event.item.getData() instanceof DeviceRow row && !targets.contains(row.address())) {
                    targets = List.of(row.address());
                }
                if (event.data instanceof String[] files && !targets.isEmpty()) {
                    for (String file : files) {
                        upload(Path.of(file), targets);
                    }
                }
            }
        });
    }

    private void showDetails() {
        if (viewer.getStructuredSelection().getFirstElement() instanceof DeviceRow row) {
            String text = row.status().map(s -> "Firmware: " + s.firmwareId() + s.firmwareVersion().map(v -> " " + v).orElse("")
                    + "\nPattern: " + row.patternText() + (s.pattern().loaded() ? " (" + s.pattern().sizeBytes() + " bytes)" : "")
                    + "\nNetwork: " + s.network() + "\nCan do: " + s.capabilities()).orElse("Not asked yet.");
            MessageDialog.openInformation(getSite().getShell(), row.name() + " at " + row.address(),
                    text + (row.problem().isEmpty() ? "" : "\nLast problem: " + row.problem()));
        }
    }

    /** The context menu of device controls (blink, on, off, stop stream). */
    MenuManager controls() {
        return controls;
    }

    /** Selects the rows of {@code addresses}, as a click would. */
    void select(List<DeviceAddress> addresses) {
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                rows.values().stream().filter(row -> addresses.contains(row.address())).toList()));
    }

    private List<DeviceAddress> selectedAddresses() {
        List<DeviceAddress> selected = new ArrayList<>();
        for (Object element : viewer.getStructuredSelection().toList()) {
            selected.add(((DeviceRow) element).address());
        }
        return selected;
    }

    private void put(DeviceRow row) {
        boolean added = !rows.containsKey(row.address());
        rows.put(row.address(), row);
        refreshTable();
        try {
            if (added) {
                registry.get().add(row.address());
                watch(row.address());
            }
            if (row.status().isPresent()) {
                registry.get().recordStatus(row.status().get());
            }
        } catch (UploadBridgeException e) {
            ErrorDialogs.show(getSite().getShell(), "Saving the device list", e);
        }
    }

    /** Keeps the row's status current: every few seconds while it answers, backing off while it does not. */
    private void watch(DeviceAddress address) {
        watches.computeIfAbsent(address, a -> polling.get().watch(a, result -> onUiThread(() -> {
            rows.put(a, result.status().map(DeviceRow::online).orElseGet(() -> failed(a, result.failure()
                    .map(DevicesView::problem).orElse("no answer") + ", next try in "
                    + result.nextPollIn().toSeconds() + " s")));
            refreshTable();
        })));
    }

    private void refreshTable() {
        if (!viewer.getControl().isDisposed()) {
            viewer.setInput(rows.values().toArray());
        }
    }

    private void onUiThread(Runnable action) {
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            if (!viewer.getControl().isDisposed()) {
                action.run();
            }
        });
    }

    private static Action action(String text, String tooltip, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setToolTipText(tooltip);
        return action;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        watches.values().forEach(StatusPolling.Watch::close);
        if (firmwares != null) {
            firmwares.close();
        }
        if (devices != null) {
            devices.close();
            discovery.close();
            policy.close();
            polling.close();
            registry.close();
        }
        super.dispose();
    }
}
