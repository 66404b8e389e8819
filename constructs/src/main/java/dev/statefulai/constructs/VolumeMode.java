package dev.statefulai.constructs;

/** Whether a volume is mounted as a file system or handed to the container as a raw block device. */
public enum VolumeMode implements KubernetesSpelled {
    /** A file system mounted at a path (the Kubernetes default). */
    FILESYSTEM,
    /** A raw block device at a device path. */
    BLOCK;

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value();
    }
}
