package dev.statefulai.facts.drivers;

import java.util.List;

/** The Kubernetes spelling of the access modes and volume modes a claim or PersistentVolume asks for. */
public final class Modes {
    /** Read-write by the pods of one node. */
    public static final String READ_WRITE_ONCE = "ReadWriteOnce";
    /** Read-only by many nodes. */
    public static final String READ_ONLY_MANY = "ReadOnlyMany";
    /** Read-write by many nodes. */
    public static final String READ_WRITE_MANY = "ReadWriteMany";
    /** Read-write by exactly one pod (CSI volumes only). */
    public static final String READ_WRITE_ONCE_POD = "ReadWriteOncePod";
    /** Every access mode of core/v1 {@code PersistentVolumeAccessMode}. */
    public static final List<String> ACCESS_MODES = List.of(READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY, READ_WRITE_ONCE_POD);

    /** A file system mounted at a path (the Kubernetes default). */
    public static final String FILESYSTEM = "Filesystem";
    /** A raw block device. */
    public static final String BLOCK = "Block";
    /** Every volume mode of core/v1 {@code PersistentVolumeMode}. */
    public static final List<String> VOLUME_MODES = List.of(FILESYSTEM, BLOCK);

    private Modes() {
    }
}
