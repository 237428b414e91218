package org.uploadbridge.devices;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceDriver;
import org.uploadbridge.core.device.DeviceStatus;
import org.uploadbridge.core.device.LibraryEntry;
import org.uploadbridge.core.device.TransferProgress;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * Every device operation of the workbench, the CLI and the tests goes through here (a DS service),
 * so validation against the device's limits, and later licences, quotas, resilience and metrics,
 * apply to all of them alike.
 */
public interface DeviceService {

    /** The installed firmware drivers, as DS registered them (they may come and go). */
    List<DeviceDriver> drivers();

    /** Asks each driver whether the address is one of its devices; empty when none recognises it. */
    Optional<DeviceStatus> identify(DeviceAddress address) throws UploadBridgeException;

    /** The device's status through the driver that recognises it. */
    DeviceStatus status(DeviceAddress address) throws UploadBridgeException;

    /** The patterns stored on the device; not supported by devices without a pattern library. */
    List<LibraryEntry> library(DeviceAddress address) throws UploadBridgeException;

    /**
     * Validates a pattern file against the device's limits, sends it, then verifies through the
     * device's status that its LEDs, frames and size match what was sent. Three requests per
     * device: status, upload, status (the optional endpoints are not probed, so the verified
     * status lists the capabilities known so far).
     *
     * @throws UploadBridgeException {@code UB-D017} when the pattern does not fit (nothing is sent),
     *     a device error when the device refuses or cannot be reached, {@code UB-D014} when the
     *     device afterwards reports a different pattern
     */
    UploadOutcome upload(DeviceAddress address, Path patternFile, TransferProgress progress) throws UploadBridgeException;

    /**
     * Sends a firmware image to the device (extended builds; {@code UB-D...} "not supported" otherwise).
     * Needs the licence's {@code firmware_update} ({@code UB-L005}); counts against upload quotas.
     * The device reboots afterwards.
     */
    void updateFirmware(DeviceAddress address, Path image, TransferProgress progress) throws UploadBridgeException;

    /** Sets the light's brightness, 0..255 ({@code BRIGHTNESS}; "not supported" otherwise). */
    void setBrightness(DeviceAddress address, int brightness) throws UploadBridgeException;

    /** Turns the light on or off, keeping its brightness ({@code POWER}). Off also stops a live stream. */
    void setPower(DeviceAddress address, boolean on) throws UploadBridgeException;

    /** Makes the device blink so that the user can find it, then puts back what it showed ({@code IDENTIFY}). */
    void blink(DeviceAddress address) throws UploadBridgeException;

    /**
     * Plays a pattern stored in the device's library: selects it on devices that play by themselves,
     * streams it on {@code LIVE_STREAM} devices ({@code PATTERN_LIBRARY}).
     */
    void play(DeviceAddress address, String libraryName) throws UploadBridgeException;

    /** Stops the live stream an upload started ({@code LIVE_STREAM}); the device goes back to its own effect. */
    void stopStream(DeviceAddress address) throws UploadBridgeException;

    /**
     * Uploads one pattern to many devices in parallel, at most {@code concurrency} at a time, and
     * returns a result per device in the order given; {@code onResult} hears each as it ends.
     */
    List<FleetResult> uploadToFleet(List<DeviceAddress> addresses, Path patternFile, int concurrency,
            Consumer<FleetResult> onResult);
}
