package dev.statefulai.facts.drivers;

import static dev.statefulai.facts.drivers.Modes.READ_ONLY_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_MANY;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE;
import static dev.statefulai.facts.drivers.Modes.READ_WRITE_ONCE_POD;

/** Drivers of storage the cluster's owners run themselves: an NFS server, the nodes' own disks, Ceph, Longhorn. */
public final class SelfHostedDrivers {

    /** An NFS server through the NFS CSI driver (kubernetes-csi/csi-driver-nfs): one sub-directory per claim. */
    public static final StorageDriver NFS = DriverShapes.sharedFileSystem("NFS", "nfs.csi.k8s.io", READ_WRITE_ONCE, READ_ONLY_MANY, READ_WRITE_MANY)
            .docs("https://github.com/kubernetes-csi/csi-driver-nfs/blob/master/docs/driver-parameters.md")
            .encryption(Encryption.byTheStorage("the NFS server's own setting"))
            .expansion(Expansion.sizeNotEnforced("NFS does not enforce a claim's size"))
            .can(Capability.SNAPSHOTS, Capability.CLONES)
            .parameters(
                    Parameter.text("server", "the NFS server's host name or address"),
                    Parameter.text("share", "the exported path new volumes go under"),
                    Parameter.text("subDir", "each volume's directory under the share (default the PV's name)"),
                    Parameter.text("mountPermissions", "octal permissions set on each volume's directory (default 0: unchanged)"),
                    Parameter.oneOf("onDelete", "what happens to a deleted volume's directory (default delete)", "delete", "retain", "archive"))
            .build();

    /**
     * Disks attached to the nodes, as {@code local} PersistentVolumes made by hand (or by the local static
     * provisioner) and a class without a provisioner, which must bind with {@code WaitForFirstConsumer}.
     */
    public static final StorageDriver LOCAL = StorageDriver.provisioner("local disks", "kubernetes.io/no-provisioner", Attachment.NODE_LOCAL)
            .docs("https://kubernetes.io/docs/concepts/storage/storage-classes/#local")
            .accessModes(READ_WRITE_ONCE, READ_WRITE_ONCE_POD)
            .placement(Placement.NODE, "kubernetes.io/hostname")
            .encryption(Encryption.byTheStorage("the node disk's own (self-encrypting drive, LUKS)"))
            .expansion(Expansion.NONE)
            .preProvisionedOnly()
            .build();

    /**
     * Ceph RBD images through Ceph CSI. ReadWriteMany is for Block mode only; ReadOnlyMany for volumes
     * made from a snapshot or another volume (Ceph CSI's feature table).
     */
    public static final StorageDriver CEPH_RBD = DriverShapes.networkBlock("Ceph RBD", "rbd.csi.ceph.com", READ_WRITE_ONCE, READ_WRITE_ONCE_POD,
                    READ_ONLY_MANY, READ_WRITE_MANY)
            .docs("https://github.com/ceph/ceph-csi/blob/devel/docs/deploy-rbd.md")
            .encryption(Encryption.byParameter("encrypted", "encryptionKMSID",
                    "only with parameter encrypted: \"true\" (LUKS or fscrypt); key encryptionKMSID"))
            .can(Capability.READ_ONLY_MANY_FROM_SNAPSHOTS)
            .parameters(
                    Parameter.csiFsType(),
                    Parameter.text("clusterID", "the Ceph cluster (required)"),
                    Parameter.text("pool", "the pool images are created in (required)"),
                    Parameter.text("dataPool", "the pool of the images' data"),
                    Parameter.text("volumeNamePrefix", "prefix of image names (default csi-vol-)"),
                    Parameter.text("snapshotNamePrefix", "prefix of snapshot image names (default csi-snap-)"),
                    Parameter.text("imageFeatures", "RBD image features, e.g. layering,exclusive-lock"),
                    Parameter.text("mkfsOptions", "options of mkfs on new images"),
                    Parameter.bool("tryOtherMounters", "try other mounters when one fails"),
                    Parameter.text("mapOptions", "krbd or nbd options when mapping an image"),
                    Parameter.text("unmapOptions", "krbd or nbd options when unmapping an image"),
                    Parameter.text("mounter", "rbd-nbd to map images with rbd-nbd"))
            .parameters(CommonParameters.csiSecret("provisioner", "Secret with Ceph credentials", true))
            .parameters(CommonParameters.csiSecret("node-stage", "Secret with Ceph credentials for nodes", true))
            .parameters(
                    Parameter.bool("encrypted", "encrypt volumes (default false; never change on an existing class)"),
                    Parameter.text("encryptionKMSID", "the KMS that holds passphrases"),
                    Parameter.oneOf("encryptionType", "LUKS on the block device or fscrypt on the file system (default block)", "block", "file"),
                    Parameter.wholeNumber("stripeUnit", "stripe unit in bytes"),
                    Parameter.wholeNumber("stripeCount", "objects to stripe over"),
                    Parameter.wholeNumber("objectSize", "object size in bytes"))
            .build();

    /** Longhorn volumes: replicated block devices, and ReadWriteMany through an NFS share manager. */
    public static final StorageDriver LONGHORN = DriverShapes.networkBlock("Longhorn", "driver.longhorn.io", READ_WRITE_ONCE, READ_WRITE_MANY)
            .docs("https://longhorn.io/docs/latest/references/storage-class-parameters/")
            .encryption(Encryption.byParameter("encrypted", null, "only with parameter encrypted: \"true\" (LUKS, passphrase from a Secret)"))
            .parameters(
                    Parameter.wholeNumber("numberOfReplicas", "replicas of each volume (default 3)"),
                    Parameter.wholeNumber("staleReplicaTimeout", "minutes before a failed replica is removed (default 2880)"),
                    Parameter.text("fromBackup", "URL of a backup to restore new volumes from"),
                    CommonParameters.fsType("fsType", "volumes"),
                    Parameter.text("mkfsParams", "options of mkfs on new volumes"),
                    Parameter.bool("migratable", "live migration of volumes (default false)"),
                    Parameter.bool("encrypted", "encrypt volumes (default false)"),
                    Parameter.text("dataLocality", "replica placement near the workload (default disabled)"),
                    Parameter.text("replicaAutoBalance", "replica balancing across nodes (default ignored: the global setting)"),
                    Parameter.text("diskSelector", "disk tags replicas may use"),
                    Parameter.text("nodeSelector", "node tags replicas may use"),
                    Parameter.text("recurringJobSelector", "recurring snapshot and backup jobs, as JSON"),
                    Parameter.text("backingImageName", "backing image of new volumes"),
                    Parameter.text("nfsOptions", "mount options of ReadWriteMany volumes"),
                    Parameter.text("backupTargetName", "backup target (default default)"))
            .build();

    private SelfHostedDrivers() {
    }
}
