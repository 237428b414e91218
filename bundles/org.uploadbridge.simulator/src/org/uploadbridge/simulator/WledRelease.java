package org.uploadbridge.simulator;

/**
 * The WLED releases the simulator imitates; their {@code /json/info} documents follow the real
 * releases' shape (python-wled's fixtures).
 */
public enum WledRelease {
    /** 0.14.4 (build 2405180): no {@code release} field, so OTA checks no release name. */
    V0_14_4("0.14.4", 2405180, false),
    /** 0.15.0 (build 2412100): {@code info.release} names the build, and OTA refuses another build's image. */
    V0_15_0("0.15.0", 2412100, true);

    private final String version;
    private final int vid;
    private final boolean hasReleaseName;

    WledRelease(String version, int vid, boolean hasReleaseName) {
        this.version = version;
        this.vid = vid;
        this.hasReleaseName = hasReleaseName;
    }

    /** {@code info.ver}, e.g. {@code 0.15.0}. */
    public String version() {
        return version;
    }

    /** {@code info.vid}, the build date as yyMMddN. */
    public int vid() {
        return vid;
    }

    /** Whether {@code info} has {@code release} and OTA compares the image's release name with it. */
    public boolean hasReleaseName() {
        return hasReleaseName;
    }

    /** The release whose {@link #version()} is {@code version}. */
    public static WledRelease of(String version) {
        for (WledRelease release : values()) {
            if (release.version.equals(version)) {
                return release;
            }
        }
        throw new IllegalArgumentException("no simulated WLED release " + version + ": use 0.14.4 or 0.15.0");
    }
}
