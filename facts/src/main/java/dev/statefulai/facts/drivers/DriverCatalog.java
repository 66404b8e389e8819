package dev.statefulai.facts.drivers;

import java.util.List;
import java.util.Optional;

/**
 * Every storage driver the project knows, looked up by what a manifest names: a StorageClass's
 * {@code provisioner}, a PersistentVolume's CSI driver or its in-tree source field. The constructs
 * build classes and volumes for the drivers of {@link AwsDrivers}, {@link GcpDrivers},
 * {@link AzureDrivers} and the NFS and local entries of {@link SelfHostedDrivers} (the buckets of object storage
 * as read-only volumes, and a claim restored from a snapshot as a ReadOnlyMany volume, where the entry says so); the safety gate
 * judges manifests of every entry. A driver the catalog does not know is left alone by the gate.
 */
public final class DriverCatalog {
    private static final List<StorageDriver> ALL = List.of(
            AwsDrivers.EBS, AwsDrivers.EFS, GcpDrivers.PD, AzureDrivers.DISK, SelfHostedDrivers.NFS, SelfHostedDrivers.LOCAL,
            SelfHostedDrivers.CEPH_RBD, SelfHostedDrivers.LONGHORN,
            AwsDrivers.S3_MOUNTPOINT, GcpDrivers.GCS_FUSE, AzureDrivers.BLOB, AwsDrivers.FSX_LUSTRE, GcpDrivers.FILESTORE,
            AwsDrivers.EBS_IN_TREE, GcpDrivers.PD_IN_TREE, AzureDrivers.DISK_IN_TREE);

    private DriverCatalog() {
    }

    /** Every entry: the current drivers first, the retired in-tree provisioners last. */
    public static List<StorageDriver> all() {
        return ALL;
    }

    /** The entry whose StorageClass {@code provisioner} (for CSI, the driver name) is {@code provisioner}. */
    public static Optional<StorageDriver> byProvisioner(String provisioner) {
        return ALL.stream().filter(d -> d.provisioner().equals(provisioner)).findFirst();
    }

    /** The retired in-tree provisioner whose PersistentVolume source field is {@code field}, e.g. {@code awsElasticBlockStore}. */
    public static Optional<StorageDriver> byInTreeVolumeSource(String field) {
        return ALL.stream().filter(d -> field.equals(d.inTreeVolumeSource())).findFirst();
    }

    /**
     * The entry of {@code provisioner}, for code that names a driver the project builds for.
     *
     * @throws IllegalArgumentException naming the provisioner and the known ones, when there is no entry
     */
    public static StorageDriver require(String provisioner) {
        return byProvisioner(provisioner).orElseThrow(() -> new IllegalArgumentException("no storage driver '" + provisioner
                + "' in the catalog; it knows " + ALL.stream().map(StorageDriver::provisioner).toList()));
    }
}
