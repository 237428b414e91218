package org.uploadbridge.core.device;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * A device firmware, as a DS service: a firmware bundle implements this and nothing else is needed
 * for its devices to appear in discovery, the Devices view and the CLI.
 *
 * <p>Every operation throws {@link UploadBridgeException} with a catalogued code: a
 * {@link DeviceError} for transport and device failures, and
 * {@link DeviceOperationNotSupportedException} for an operation the device lacks. Drivers never
 * follow redirects and bound every answer they read. Operations other than {@link #probe} and
 * {@link #status} default to "not supported".
 */
public interface DeviceDriver {

    /** A stable id, e.g. {@code classic}, {@code wled}. */
    String firmwareId();

    /** For people, e.g. "Upload Bridge classic firmware". */
    String displayName();

    /**
     * Asks the address whether it is a device of this firmware: its status when it is, empty when
     * something else answers. Throws when it cannot tell now: transport failures (nothing
     * listening, timeouts), a server error (5xx: busy, rebooting) or a garbled answer at its own
     * status path, so that a guarded caller may try again. Take timeouts from {@link DeviceTimeouts}.
     */
    Optional<DeviceStatus> probe(DeviceAddress address) throws UploadBridgeException;

    DeviceStatus status(DeviceAddress address) throws UploadBridgeException;

    /**
     * Sends a native pattern file ({@code .bin}) for the device to play. On a
     * {@link Capability#LIVE_STREAM} device this starts streaming the pattern's frames, looped, and
     * returns once the first loop went out and the device shows it.
     */
    default UploadReceipt upload(DeviceAddress address, Path patternFile, TransferProgress progress)
            throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.UPLOAD);
    }

    default List<LibraryEntry> libraryList(DeviceAddress address) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.PATTERN_LIBRARY);
    }

    default UploadReceipt libraryUpload(DeviceAddress address, String name, Path patternFile, TransferProgress progress)
            throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.PATTERN_LIBRARY);
    }

    default void libraryDelete(DeviceAddress address, String name) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.PATTERN_LIBRARY);
    }

    default void librarySelect(DeviceAddress address, String name) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.PATTERN_LIBRARY);
    }

    default void firmwareUpdate(DeviceAddress address, Path image, TransferProgress progress) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.FIRMWARE_UPDATE);
    }

    /** Sets the brightness, 0..255. */
    default void setBrightness(DeviceAddress address, int brightness) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.BRIGHTNESS);
    }

    default void restart(DeviceAddress address) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.RESTART);
    }

    /** Turns the light on or off; brightness is kept for when it comes back on. */
    default void setPower(DeviceAddress address, boolean on) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.POWER);
    }

    /** Makes the device show itself, e.g. blink a few times, then puts back what it showed. */
    default void identify(DeviceAddress address) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.IDENTIFY);
    }

    /**
     * Stops the stream that {@link #upload} started on a {@link Capability#LIVE_STREAM} device; the
     * device goes back to what it showed before. Nothing happens when no stream runs.
     */
    default void stopStream(DeviceAddress address) throws UploadBridgeException {
        throw new DeviceOperationNotSupportedException(address, Capability.LIVE_STREAM);
    }
}
