package dev.statefulai.facts.drivers;

/**
 * The kinds of storage several catalog entries share, each stated once: an entry starts from its kind and adds
 * what is its own (docs, access modes, encryption, parameters), overriding a fact of the kind where it differs.
 */
final class DriverShapes {
    /** The Kubernetes 1.26 page of StorageClasses, the last that documents the retired in-tree provisioners. */
    private static final String IN_TREE_DOCS = "https://v1-26.docs.kubernetes.io/docs/concepts/storage/storage-classes/#";

    private DriverShapes() {
    }

    /**
     * A cloud disk through its CSI driver (EBS, GCE PD, Azure Disk): attached to one node at a time, used in
     * one zone (which the driver reports as {@code topologyKey}); it grows, snapshots and clones.
     */
    static StorageDriver.Builder zonalDisk(String name, String driver, String topologyKey) {
        return growsAndCopies(StorageDriver.csi(name, driver, Attachment.ONE_NODE_AT_A_TIME).placement(Placement.ZONE, topologyKey));
    }

    /**
     * Block storage the storage system serves over its own network (Ceph RBD, Longhorn): usable from any
     * node, no topology key; it grows, snapshots and clones.
     */
    static StorageDriver.Builder networkBlock(String name, String driver, String... accessModes) {
        return growsAndCopies(StorageDriver.csi(name, driver, Attachment.NETWORK_BLOCK).accessModes(accessModes)
                .placement(Placement.ANY_NODE, null));
    }

    /** Volumes of the driver grow, and it takes snapshots and clones claims. */
    private static StorageDriver.Builder growsAndCopies(StorageDriver.Builder driver) {
        return driver.expansion(Expansion.RESIZES).can(Capability.SNAPSHOTS, Capability.CLONES);
    }

    /** A network file system every node mounts at once (EFS, FSx for Lustre, NFS, Filestore): {@code Filesystem} volumes, no topology. */
    static StorageDriver.Builder sharedFileSystem(String name, String driver, String... accessModes) {
        return StorageDriver.csi(name, driver, Attachment.SHARED_FILE_SYSTEM)
                .fileSystemOnAnyNode(accessModes);
    }

    /**
     * A bucket of object storage that a FUSE client mounts on each node (Mountpoint for Amazon S3, Cloud
     * Storage FUSE, blobfuse): {@code Filesystem} volumes, no topology, encrypted by the storage's own setting
     * ({@code encryption}, how to say it for this store). The entry adds how a bucket is mounted.
     */
    static StorageDriver.Builder objectStorage(String name, String driver, String encryption, String... accessModes) {
        return StorageDriver.csi(name, driver, Attachment.OBJECT_STORAGE)
                .fileSystemOnAnyNode(accessModes)
                .encryption(Encryption.byTheStorage(encryption));
    }

    /**
     * {@link #objectStorage} of existing buckets only, as pre-provisioned volumes: the driver creates none, and a
     * bucket has no size (Kubernetes requires a capacity and the driver ignores it).
     */
    static StorageDriver.Builder existingBuckets(String name, String driver, String encryption, String... accessModes) {
        return objectStorage(name, driver, encryption, accessModes)
                .expansion(Expansion.sizeNotEnforced("a bucket has no size: Kubernetes requires a capacity and the driver ignores it"))
                .preProvisionedOnly();
    }

    /**
     * A retired in-tree provisioner ({@link StorageDriver#retired}), documented in the Kubernetes 1.26 page of
     * StorageClasses at {@code anchor}.
     */
    static StorageDriver.Builder retired(String name, String provisioner, String volumeSource, StorageDriver replacement, String anchor) {
        return StorageDriver.retired(name, provisioner, volumeSource, replacement).docs(IN_TREE_DOCS + anchor);
    }
}
