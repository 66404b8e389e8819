package dev.statefulai.constructs;

/** How a volume can be mounted: the values of a claim's {@code accessModes}. */
public enum AccessMode {
    /** Read-write by the pods of one node. */
    READ_WRITE_ONCE("ReadWriteOnce"),
    /** Read-only by many nodes. */
    READ_ONLY_MANY("ReadOnlyMany"),
    /** Read-write by many nodes: only shared file systems (EFS, NFS, CephFS) give it. */
    READ_WRITE_MANY("ReadWriteMany"),
    /** Read-write by exactly one pod. */
    READ_WRITE_ONCE_POD("ReadWriteOncePod");

    private final String value;

    AccessMode(String value) {
        this.value = value;
    }

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value;
    }

    /** The Kubernetes spelling, e.g. {@code ReadWriteOnce}. */
    public String value() {
        return value;
    }

    /** Whether more than one node may mount the volume. */
    public boolean isShared() {
        return this == READ_ONLY_MANY || this == READ_WRITE_MANY;
    }
}
