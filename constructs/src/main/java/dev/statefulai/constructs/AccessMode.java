package dev.statefulai.constructs;

/** How a volume can be mounted: the values of a claim's {@code accessModes}. */
public enum AccessMode implements KubernetesSpelled {
    /** Read-write by the pods of one node. */
    READ_WRITE_ONCE,
    /** Read-only by many nodes. */
    READ_ONLY_MANY,
    /** Read-write by many nodes: only shared file systems (EFS, NFS, CephFS) give it. */
    READ_WRITE_MANY,
    /** Read-write by exactly one pod. */
    READ_WRITE_ONCE_POD;

    /** The Kubernetes spelling, so that values files and messages use it too. */
    @Override
    public String toString() {
        return value();
    }

    /** Whether more than one node may mount the volume. */
    public boolean isShared() {
        return this == READ_ONLY_MANY || this == READ_WRITE_MANY;
    }
}
