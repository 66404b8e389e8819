package dev.statefulai.constructs;

/** Whether a volume is mounted as a file system or handed to the container as a raw block device. */
public enum VolumeMode {
    /** A file system mounted at a path (the Kubernetes default). */
    FILESYSTEM("Filesystem"),
    /** A raw block device at a device path. */
    BLOCK("Block");

    private final String value;

    VolumeMode(String value) {
        this.value = value;
    }

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value;
    }

    /** The Kubernetes spelling. */
    public String value() {
        return value;
    }
}
