package dev.statefulai.facts.drivers;

/** How a driver's volumes reach the node of the pod that mounts them. */
public enum Attachment {
    /**
     * A cloud disk attached read-write to one node at a time (EBS, GCE PD, Azure Disk): a pod on a
     * second node fails with Multi-Attach.
     */
    ONE_NODE_AT_A_TIME,
    /** A network file system that every node mounts at once (EFS, NFS). */
    SHARED_FILE_SYSTEM,
    /** Block storage that the storage system serves to nodes over its own network (Ceph RBD, Longhorn). */
    NETWORK_BLOCK,
    /** Disks of the node itself: a volume exists on one node only. */
    NODE_LOCAL,
    /**
     * A bucket of an object store that a FUSE client mounts on each node as a file system (Mountpoint
     * for Amazon S3, Cloud Storage FUSE, blobfuse): many nodes read it at once, and it is never a block device.
     */
    OBJECT_STORAGE
}
