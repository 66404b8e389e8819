package dev.statefulai.facts.drivers;

/**
 * Where a bucket driver's file cache (local copies of the objects read) lives, which decides what bounds
 * it: a cache with no volume of its own fills whatever disk it lands on until the pod is evicted.
 */
public sealed interface FileCache {

    /**
     * The driver makes the cache volume itself from the PersistentVolume's {@code volumeAttributes}
     * (Mountpoint for Amazon S3, docs/CACHING.md: {@code cache: emptyDir} with {@code cacheEmptyDirSizeLimit},
     * or {@code cache: ephemeral} with a StorageClass and a size, both required).
     *
     * @param typeAttribute             the attribute that turns the cache on and names its volume type
     * @param emptyDir                  the value of an {@code emptyDir} cache
     * @param emptyDirSizeAttribute     the size limit of an {@code emptyDir} cache
     * @param ephemeral                 the value of a generic ephemeral volume cache
     * @param ephemeralClassAttribute   the StorageClass of an ephemeral cache
     * @param ephemeralSizeAttribute    the size of an ephemeral cache
     * @param legacyMountOption         a mount option that still turns the cache on, with an unbounded {@code emptyDir}
     */
    record DriverVolume(String typeAttribute, String emptyDir, String emptyDirSizeAttribute, String ephemeral,
                        String ephemeralClassAttribute, String ephemeralSizeAttribute, String legacyMountOption) implements FileCache {
    }

    /**
     * The cache lives on a volume of the pod's own, by name, which must be at least the cache's capacity
     * (Cloud Storage FUSE on GKE: the sidecar writes its file cache to the pod volume {@code gke-gcsfuse-cache},
     * and the webhook adds an unbounded {@code emptyDir} of that name when the pod has none;
     * gcs-fuse-csi-driver pkg/webhook/sidecar_spec.go).
     *
     * @param podVolume           the pod volume's name
     * @param capacityAttribute   the {@code volumeAttributes} key of the cache's capacity, a quantity ({@code -1}: unlimited)
     * @param capacityMountOption the mount option prefix that sets the capacity in MiB instead
     */
    record PodVolume(String podVolume, String capacityAttribute, String capacityMountOption) implements FileCache {
    }

    /**
     * The cache lives on the node's own disk, outside any pod volume, bounded by a mount option.
     *
     * @param sizeMountOption the mount option that bounds it
     * @param note            where, in a few words
     */
    record NodeDisk(String sizeMountOption, String note) implements FileCache {
    }
}
