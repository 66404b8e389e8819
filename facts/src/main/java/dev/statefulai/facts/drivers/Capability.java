package dev.statefulai.facts.drivers;

/**
 * What a storage driver can do beyond giving volumes, as its catalog entry states it: an entry holds the set of
 * its capabilities ({@link StorageDriver#has}), so a fact is one word in the entry, not a flag per field.
 */
public enum Capability {
    /** The driver creates a volume for a claim; without it, it serves pre-provisioned volumes only. */
    DYNAMIC_PROVISIONING,
    /** The driver takes CSI volume snapshots (a VolumeSnapshotClass can name it). */
    SNAPSHOTS,
    /** A claim can be a clone of another ({@code dataSource} a claim). */
    CLONES,
    /**
     * A new volume restored from a snapshot can be {@code ReadOnlyMany}, attached read-only to many nodes at once
     * (fill once, serve everywhere); it needs {@link #SNAPSHOTS} and the {@code ReadOnlyMany} access mode.
     */
    READ_ONLY_MANY_FROM_SNAPSHOTS
}
