package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;

import java.util.List;

/**
 * The Google Cloud drivers: Compute Engine persistent disks and Hyperdisks (and their retired in-tree
 * provisioner), Cloud Storage FUSE and Filestore.
 */
public final class GcpDrivers {
    /**
     * The PD class parameter that creates one disk per zone from a snapshot, for a ReadOnlyMany claim
     * that every zone mounts (pkg/parameters/constants.go {@code ParameterKeyEnableMultiZoneProvisioning}).
     * The controller refuses it for a clone and for a snapshot restored read-write
     * (pkg/gce-pd-csi-driver/controller.go, {@code validateMultiZoneProvisioning}).
     */
    public static final String MULTI_ZONE_PARAMETER = "enable-multi-zone-provisioning";
    /** The Hyperdisk type for ML weights: high read throughput, attached read-only to many nodes (pkg/parameters/constants.go). */
    public static final String HYPERDISK_ML = "hyperdisk-ml";
    private static final Format CLOUD_KMS_KEY = Format.of(
            "projects/[a-z][-a-z0-9]{4,28}[a-z0-9]/locations/[a-z0-9-]+/keyRings/[A-Za-z0-9_-]+/cryptoKeys/[A-Za-z0-9_-]+",
            "a Cloud KMS key name: projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>");
    /** Resource Manager tags of what the driver creates, the same in the PD and Filestore drivers (their README.md). */
    private static final Parameter RESOURCE_TAGS = Parameter.text("resource-tags", "resource tags parent/key/value,...");

    /**
     * Compute Engine persistent disks through their CSI driver. ReadOnlyMany attaches a disk read-only
     * to many nodes, and a disk restored from a snapshot can be ReadOnlyMany (the Hyperdisk ML pattern, across
     * zones with {@link #MULTI_ZONE_PARAMETER}); ReadWriteMany (multi-writer disks, Block mode only) is left out.
     * The driver takes "any PD type": the persistent disk and Hyperdisk types of pkg/parameters/constants.go are
     * listed. {@code provisioned-throughput-on-create} is read as a quantity rounded up to MiB
     * ({@code convert.ConvertMiStringToInt64}): a bare number is bytes, so the unit {@code Mi} is required.
     */
    public static final StorageDriver PD = DriverShapes.zonalDisk("GCE PD", "pd.csi.storage.gke.io", "topology.gke.io/zone")
            .docs("https://github.com/kubernetes-sigs/gcp-compute-persistent-disk-csi-driver/blob/master/README.md#createvolume-parameters")
            .accessModes(READ_WRITE_ONCE, READ_WRITE_ONCE_POD, READ_ONLY_MANY)
            .volumeHandle(Format.of("projects/[^/]+/(zones|regions)/[^/]+/disks/[^/]+",
                    "a disk's path: projects/<project>/zones/<zone>/disks/<disk>, or regions/<region> for a regional disk"))
            .encryption(Encryption.always("disk-encryption-kms-key", "always (Google-managed key); customer key disk-encryption-kms-key"))
            .can(Capability.READ_ONLY_MANY_FROM_SNAPSHOTS)
            .parameters(
                    Parameter.csiFsType(),
                    Parameter.oneOf("type", "disk type (default pd-standard)", "pd-standard", "pd-balanced", "pd-ssd", "pd-extreme",
                            "hyperdisk-balanced", "hyperdisk-balanced-high-availability", "hyperdisk-throughput", "hyperdisk-extreme",
                            HYPERDISK_ML),
                    Parameter.oneOf("replication-type", "zonal (none) or replicated to two zones (default none)", "none", "regional-pd"),
                    Parameter.formatted("disk-encryption-kms-key", "Cloud KMS key of a customer-managed encryption key", CLOUD_KMS_KEY),
                    Parameter.text("labels", "disk labels key1=value1,key2=value2"),
                    Parameter.wholeNumber("provisioned-iops-on-create", "IOPS of a pd-extreme or Hyperdisk disk"),
                    Parameter.formatted("provisioned-throughput-on-create", "MiB/s of a Hyperdisk disk", Format.of("[1-9][0-9]*Mi",
                            "MiB/s with the unit Mi, such as 2400Mi (a bare number is bytes, rounded up to 1 MiB)")),
                    Parameter.bool(MULTI_ZONE_PARAMETER, "one disk per zone, for ReadOnlyMany claims restored from a snapshot"),
                    RESOURCE_TAGS,
                    Parameter.bool("use-allowed-disk-topologies", "disk support labels in node affinity (default false)"))
            .build();

    /** The retired in-tree GCE PD provisioner (removed in Kubernetes 1.28; only CSI migration to {@link #PD} serves it). */
    public static final StorageDriver PD_IN_TREE = DriverShapes.retired("GCE PD in-tree", "kubernetes.io/gce-pd", "gcePersistentDisk", PD, "gce-pd")
            .encryption(Encryption.always(null, "always (Google-managed key)"))
            .parameters(Parameter.text("type", "disk type: pd-standard or pd-ssd (default pd-standard)"))
            .parameters(CommonParameters.inTreeZones("disks"))
            .parameters(
                    CommonParameters.fsType("fstype", "disks"),
                    Parameter.oneOf("replication-type", "zonal (none) or replicated to two zones", "none", "regional-pd"))
            .build();

    /**
     * Cloud Storage FUSE through its CSI driver on GKE: an existing bucket as a pre-provisioned volume whose
     * volume handle is the bucket (the driver "does not support Dynamic Volume Provisioning" and supports
     * ReadWriteMany, ReadOnlyMany and ReadWriteOnce: README.md). Pods that mount it need the annotation
     * {@code gke-gcsfuse/volumes: "true"}, which injects the sidecar, and take the sidecar's resources from
     * annotations such as {@code gke-gcsfuse/memory-limit} (pkg/webhook/mutatingwebhook.go). The driver honors
     * {@code fsGroup} ({@code VOLUME_MOUNT_GROUP}, pkg/csi_driver/gcs_fuse_driver.go). Volume attributes and the
     * mount options they become: pkg/csi_driver/utils.go; mount options: examples/ and the e2e tests.
     */
    public static final StorageDriver GCS_FUSE = DriverShapes.existingBuckets("Cloud Storage FUSE", "gcsfuse.csi.storage.gke.io",
                    "the bucket's own setting (Google-managed or customer-managed key)", READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY)
            .docs("https://cloud.google.com/kubernetes-engine/docs/how-to/persistent-volumes/cloud-storage-fuse-csi-driver")
            .bucket(new BucketMount(null, List.of(
                    Parameter.text("mountOptions", "mount options, comma-separated, joined with the volume's mountOptions"),
                    Parameter.formatted("fileCacheCapacity", "the file cache's capacity (-1: unlimited; default off)",
                            Format.of("-1|" + Format.QUANTITY.pattern().pattern(), "-1 or " + Format.QUANTITY.rule())),
                    Parameter.bool("fileCacheForRangeRead", "cache the whole object on a random read"),
                    Parameter.text("metadataStatCacheCapacity", "stat cache size, a quantity (-1: unlimited)"),
                    Parameter.text("metadataTypeCacheCapacity", "type cache size, a quantity (-1: unlimited)"),
                    Parameter.formatted("metadataCacheTTLSeconds", "metadata TTL in seconds (-1: never expires)",
                            Format.of("-1|0|[1-9][0-9]*", "a whole number of seconds, or -1 for no expiry")),
                    Parameter.oneOf("gcsfuseLoggingSeverity", "log severity", "trace", "debug", "info", "warning", "error"),
                    Parameter.bool("skipCSIBucketAccessCheck", "skip the driver's bucket access check"),
                    Parameter.bool("disableMetrics", "no metrics collection")),
                    List.of("implicit-dirs", "only-dir", "uid", "gid", "file-mode", "dir-mode", "file-cache:max-size-mb",
                            "file-cache:enable-parallel-downloads", "file-cache:parallel-downloads-per-file",
                            "file-cache:max-parallel-downloads", "file-cache:download-chunk-size-mb", "metadata-cache:ttl-secs"),
                    new FileCache.PodVolume("gke-gcsfuse-cache", "fileCacheCapacity", "file-cache:max-size-mb:"),
                    true, "gke-gcsfuse/volumes", "iam.gke.io/gcp-service-account",
                    "https://github.com/GoogleCloudPlatform/gcs-fuse-csi-driver/blob/main/examples/static/pv-pvc-deployment.yaml"))
            .build();

    /**
     * Filestore through its CSI driver: an NFS instance per claim (dynamic; "This version of the driver creates
     * a new Cloud Filestore instance per volume") or an existing share (static: volume handle
     * {@code modeInstance/<zone>/<instance>/<share>}, {@code volumeAttributes} {@code ip} and {@code volume},
     * docs/kubernetes/pre-provisioned-pv.md). Access modes of pkg/csi_driver/gcfs_driver.go; volumes grow;
     * snapshots are Filestore backups; parameters of README.md "Supported CreateVolume parameters" and the
     * controller's {@code paramTier} values.
     */
    public static final StorageDriver FILESTORE = DriverShapes.sharedFileSystem("Filestore", "filestore.csi.storage.gke.io", READ_WRITE_ONCE,
                    READ_ONLY_MANY, READ_WRITE_MANY)
            .docs("https://github.com/kubernetes-sigs/gcp-filestore-csi-driver/blob/master/README.md#supported-createvolume-parameters")
            .placement(Placement.ANY_NODE, "topology.gke.io/zone")
            .volumeHandle(Format.of("modeInstance/[^/]+/[^/]+/[^/]+",
                    "a Filestore volume handle: modeInstance/<zone or region>/<instance>/<share>"))
            .encryption(Encryption.always("instance-encryption-kms-key",
                    "always (Google-managed key); customer key instance-encryption-kms-key"))
            .expansion(Expansion.RESIZES)
            .can(Capability.SNAPSHOTS)
            .parameters(
                    Parameter.oneOf("tier", "service tier (default standard)", "standard", "basic_hdd", "premium", "basic_ssd",
                            "enterprise", "high_scale_ssd", "zonal", "regional"),
                    Parameter.text("network", "the VPC (default default; the full name with PRIVATE_SERVICE_ACCESS)"),
                    Parameter.text("reserved-ipv4-cidr", "CIDR range Filestore IP ranges are taken from"),
                    Parameter.text("reserved-ip-range", "allocated IP range, with PRIVATE_SERVICE_ACCESS"),
                    Parameter.oneOf("connect-mode", "how the instance joins the VPC (default DIRECT_PEERING)", "DIRECT_PEERING",
                            "PRIVATE_SERVICE_ACCESS"),
                    Parameter.formatted("instance-encryption-kms-key", "Cloud KMS key of new instances", CLOUD_KMS_KEY),
                    Parameter.text("labels", "instance labels key1=value1,key2=value2"),
                    RESOURCE_TAGS)
            .build();

    private GcpDrivers() {
    }
}
