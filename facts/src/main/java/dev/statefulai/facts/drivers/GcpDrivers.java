package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;

/** The Google Cloud drivers: Compute Engine persistent disks (and their retired in-tree provisioner). */
public final class GcpDrivers {

    /**
     * Compute Engine persistent disks through their CSI driver. ReadOnlyMany attaches a disk read-only
     * to many nodes; ReadWriteMany (multi-writer disks, Block mode only) is left out. The driver takes
     * "any PD type": the persistent disk types are listed (Hyperdisk types are another family).
     */
    public static final StorageDriver PD = StorageDriver.csi("GCE PD", "pd.csi.storage.gke.io")
            .docs("https://github.com/kubernetes-sigs/gcp-compute-persistent-disk-csi-driver/blob/master/README.md#createvolume-parameters")
            .attachment(Attachment.ONE_NODE_AT_A_TIME)
            .accessModes(READ_WRITE_ONCE, READ_WRITE_ONCE_POD, READ_ONLY_MANY)
            .placement(Placement.ZONE, "topology.gke.io/zone")
            .volumeHandle(Format.of("projects/[^/]+/(zones|regions)/[^/]+/disks/[^/]+",
                    "a disk's path: projects/<project>/zones/<zone>/disks/<disk>, or regions/<region> for a regional disk"))
            .encryption(Encryption.always("disk-encryption-kms-key", "always (Google-managed key); customer key disk-encryption-kms-key"))
            .expansion(Expansion.RESIZES)
            .snapshots()
            .clones()
            .parameters(
                    Parameter.csiFsType(),
                    Parameter.oneOf("type", "disk type (default pd-standard)", "pd-standard", "pd-balanced", "pd-ssd", "pd-extreme"),
                    Parameter.oneOf("replication-type", "zonal (none) or replicated to two zones (default none)", "none", "regional-pd"),
                    Parameter.formatted("disk-encryption-kms-key", "Cloud KMS key of a customer-managed encryption key", Format.of(
                            "projects/[a-z][-a-z0-9]{4,28}[a-z0-9]/locations/[a-z0-9-]+/keyRings/[A-Za-z0-9_-]+/cryptoKeys/[A-Za-z0-9_-]+",
                            "a Cloud KMS key name: projects/<project>/locations/<location>/keyRings/<ring>/cryptoKeys/<key>")),
                    Parameter.text("labels", "disk labels key1=value1,key2=value2"),
                    Parameter.wholeNumber("provisioned-iops-on-create", "IOPS of a pd-extreme or Hyperdisk disk"),
                    Parameter.wholeNumber("provisioned-throughput-on-create", "MiB/s of a Hyperdisk disk"),
                    Parameter.text("resource-tags", "resource tags parent/key/value,..."),
                    Parameter.bool("use-allowed-disk-topologies", "disk support labels in node affinity (default false)"))
            .build();

    /** The retired in-tree GCE PD provisioner (removed in Kubernetes 1.28; only CSI migration to {@link #PD} serves it). */
    public static final StorageDriver PD_IN_TREE = StorageDriver.retired("GCE PD in-tree", "kubernetes.io/gce-pd", "gcePersistentDisk", PD)
            .docs("https://v1-26.docs.kubernetes.io/docs/concepts/storage/storage-classes/#gce-pd")
            .encryption(Encryption.always(null, "always (Google-managed key)"))
            .parameters(
                    Parameter.text("type", "disk type: pd-standard or pd-ssd (default pd-standard)"),
                    Parameter.text("zone", "the zone of new disks (deprecated: allowedTopologies)"),
                    Parameter.text("zones", "comma-separated zones of new disks (deprecated: allowedTopologies)"),
                    Parameter.text("fstype", "file system of new disks (default ext4)"),
                    Parameter.oneOf("replication-type", "zonal (none) or replicated to two zones", "none", "regional-pd"))
            .build();

    private GcpDrivers() {
    }
}
