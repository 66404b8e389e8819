package dev.statefulai.constructs.storage;

import dev.statefulai.constructs.Nullable;

/**
 * The two props every cluster-wide class made from a backend takes: a {@link StorageClassSpec} (a StorageClass)
 * and a VolumeSnapshotClass's props. Both are required; the construct refuses a class without them, naming the prop.
 */
public interface BackendClassProps {

    /** Required. The class name (cluster-wide), a DNS-1123 subdomain. */
    @Nullable
    String name();

    /**
     * Required. The backend the class is made from, e.g. {@code AwsEbs.gp3()}: a StorageClass provisions from it; a
     * VolumeSnapshotClass names its CSI driver, which must {@linkplain StorageBackend#supportsSnapshots() support snapshots}.
     */
    @Nullable
    StorageBackend backend();
}
