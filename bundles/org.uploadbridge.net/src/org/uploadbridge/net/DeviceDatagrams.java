package org.uploadbridge.net;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.error.UploadBridgeException;

/**
 * UDP to LED controllers, for firmware drivers that stream (a DS service), e.g. DDP to WLED. Like
 * {@link DeviceHttp}, a link opens only to an address the address policy allows; a host name must
 * resolve to allowed addresses only, and the link keeps the address it was checked with.
 */
public interface DeviceDatagrams {

    /**
     * Opens a link to UDP {@code udpPort} on {@code device}'s host (its TCP port is not used).
     *
     * @throws UploadBridgeException the policy's refusal, or {@code UB-D002} when the host does not resolve
     */
    DatagramLink open(DeviceAddress device, int udpPort) throws UploadBridgeException;
}
