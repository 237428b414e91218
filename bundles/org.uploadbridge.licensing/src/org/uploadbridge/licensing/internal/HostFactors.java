package org.uploadbridge.licensing.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.uploadbridge.licensing.MachineFingerprint;

/**
 * This machine's fingerprint factors, read from the OS without privileges: host name, OS machine
 * id, the MAC addresses of physical network adapters, the CPU model and the board (DMI). A factor
 * the OS does not offer is left out, not guessed.
 */
public final class HostFactors {

    /** Adapters that come and go with software (containers, VPNs, bridges) are no part of the machine. */
    private static final List<String> VIRTUAL_PREFIXES = List.of("lo", "docker", "veth", "br-", "virbr", "vmnet", "vboxnet",
            "tun", "tap", "wg", "zt", "utun", "llw", "awdl");

    private HostFactors() {
    }

    public static MachineFingerprint fingerprint() {
        return MachineFingerprint.ofRaw(raw());
    }

    /** The raw values by factor name. */
    static Map<String, String> raw() {
        Map<String, String> raw = new TreeMap<>();
        hostName().ifPresent(v -> raw.put("host", v));
        firstReadable("/etc/machine-id", "/var/lib/dbus/machine-id").ifPresent(v -> raw.put("machine_id", v));
        macs().ifPresent(v -> raw.put("mac", v));
        cpu().ifPresent(v -> raw.put("cpu", v));
        board().ifPresent(v -> raw.put("board", v));
        return raw;
    }

    private static Optional<String> hostName() {
        Optional<String> etc = firstReadable("/etc/hostname");
        if (etc.isPresent()) {
            return etc;
        }
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException noName) {
            return Optional.empty();
        }
    }

    private static Optional<String> macs() {
        try {
            List<String> macs = new ArrayList<>();
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                byte[] mac = nic.getHardwareAddress();
                if (mac == null || mac.length != 6 || nic.isVirtual() || nic.isLoopback() || isVirtualName(nic.getName())
                        || (mac[0] & 0x02) != 0) { // locally administered: random or software-made
                    continue;
                }
                macs.add(HexFormat.ofDelimiter(":").formatHex(mac));
            }
            return macs.isEmpty() ? Optional.empty() : Optional.of(macs.stream().sorted().collect(Collectors.joining(",")));
        } catch (SocketException noInterfaces) {
            return Optional.empty();
        }
    }

    private static boolean isVirtualName(String name) {
        return VIRTUAL_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static Optional<String> cpu() {
        try {
            Optional<String> model = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
            return Optional.of(model.orElse(System.getProperty("os.arch")) + " x" + Runtime.getRuntime().availableProcessors());
        } catch (IOException | RuntimeException notLinux) {
            return Optional.of(System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors());
        }
    }

    private static Optional<String> board() {
        String board = List.of("sys_vendor", "product_name", "board_vendor", "board_name").stream()
                .map(name -> firstReadable("/sys/class/dmi/id/" + name).orElse("")).collect(Collectors.joining("|"));
        return board.replace("|", "").isBlank() ? Optional.empty() : Optional.of(board);
    }

    private static Optional<String> firstReadable(String... paths) {
        for (String path : paths) {
            try {
                String value = Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            } catch (IOException | RuntimeException absent) {
                // this OS does not offer it: try the next place
            }
        }
        return Optional.empty();
    }
}
