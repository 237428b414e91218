package org.uploadbridge.licensing;

import java.nio.file.Path;

import org.uploadbridge.core.error.UploadBridgeException;

/**
 * The licence of this installation (a DS service): its state, installing and removing it, and the
 * machine's fingerprint. The device services ask it before every gated operation, so the
 * workbench, the CLI and scripts get the same answer.
 */
public interface LicenceService {

    /** The licence in force now (expiry and grace are evaluated at each call). */
    LicenceState state();

    /**
     * Checks {@code file} (format, signature, machine, expiry) and, when it applies, keeps a copy
     * as the installation's licence. A licence that does not apply is never installed.
     *
     * @return the new state
     * @throws UploadBridgeException {@link LicenceError} saying why the file was refused
     */
    LicenceState install(Path file) throws UploadBridgeException;

    /** Removes the installed licence: the free edition applies. */
    LicenceState remove() throws UploadBridgeException;

    /** This machine's fingerprint, for an activation request. */
    MachineFingerprint fingerprint();

    /**
     * Fails unless the licence in force includes {@code feature}.
     *
     * @param what what the user asked for, e.g. "Uploading to 12 devices at once"
     * @throws UploadBridgeException {@link LicenceError#NOT_ENTITLED}
     */
    default void require(Entitlement feature, String what) throws UploadBridgeException {
        LicenceState state = state();
        if (!state.entitlements().includes(feature)) {
            throw new UploadBridgeException(LicenceError.NOT_ENTITLED, what, feature.key(), state.edition());
        }
    }
}
