package org.uploadbridge.net.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.uploadbridge.core.device.DeviceAddress;
import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.validation.address.AddressCheck;
import org.uploadbridge.validation.address.AddressPolicy;
import org.uploadbridge.validation.address.PolicyMode;

/**
 * The address policy as every device channel applies it (HTTP and UDP): only allowed addresses,
 * and a name must resolve to allowed addresses only (no rebinding to the internet). Configuration
 * property {@value #ALLOW_PUBLIC} of PID {@code org.uploadbridge.net} (default false) allows public
 * addresses too.
 */
final class PolicyGate {

    static final String ALLOW_PUBLIC = "allowPublicAddresses";

    private final AddressPolicy policy;
    private final PolicyMode mode;

    PolicyGate(AddressPolicy policy, Map<String, Object> properties) {
        this.policy = policy;
        this.mode = PolicyMode.of(Boolean.parseBoolean(String.valueOf(properties.getOrDefault(ALLOW_PUBLIC, "false"))));
    }

    /** The addresses to connect to, each allowed; throws the policy's refusal otherwise. */
    InetAddress[] check(DeviceAddress address) throws UploadBridgeException {
        AddressCheck check = policy.check(address.host(), mode);
        if (!check.isAllowed()) {
            throw check.refusal().orElseThrow().toException();
        }
        var parsed = check.parsed().orElseThrow();
        if (!parsed.needsResolution()) {
            return new InetAddress[] { parsed.address().orElseThrow() };
        }
        try {
            InetAddress[] resolved = InetAddress.getAllByName(address.host());
            var refusal = policy.checkResolved(address.host(), resolved, mode);
            if (refusal.isPresent()) {
                throw refusal.get().toException();
            }
            return resolved;
        } catch (UnknownHostException e) {
            throw new UploadBridgeException(DeviceError.UNREACHABLE, e, address, "the name does not resolve");
        }
    }
}
